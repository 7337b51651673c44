import pytest

from offices.models import FundingRequest, Office
from weltstadt.demo import demo_seed_all


@pytest.mark.django_db
def test_demo_has_offices_in_several_countries_at_different_stages(client):
    demo_seed_all()
    demo_seed_all()  # idempotent
    assert Office.objects.count() == 5
    assert len(set(Office.objects.values_list("country", flat=True))) >= 4
    assert len(set(Office.objects.values_list("status", flat=True))) >= 4
    bremen = Office.objects.get(slug="bremen")
    assert bremen.board_members.filter(role="chair").exists()
    assert FundingRequest.objects.filter(office=bremen).count() == 1
    assert bremen.annual_reports.exists()
    assert bremen.activity_reports.exists()
    assert client.get("/de/offices/").status_code == 200
    html = client.get("/en/offices/bremen/").content.decode()
    assert "İzmir Days in Bremen" in html
