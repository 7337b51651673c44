import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from offices.models import Office
from tests.offices.factories import ActivityReportFactory, BoardMemberFactory, OfficeFactory


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def _offices(n: int):
    offices = []
    for i in range(n):
        office = OfficeFactory(status=["active", "founding", "planned"][i % 3])
        BoardMemberFactory(office=office, role="chair")
        BoardMemberFactory(office=office)
        ActivityReportFactory(office=office)
        offices.append(office)
    return offices


@pytest.mark.django_db
def test_index_lists_offices_on_a_map_and_filters(client):
    active = OfficeFactory(name="İzmir-Büro Bremen", country="DE")
    OfficeFactory(name="Bureau Lyon", country="FR", status="suspended")
    html = client.get(reverse("offices:index")).content.decode()
    assert "İzmir-Büro Bremen" in html
    assert "Bureau Lyon" in html
    assert active.get_absolute_url() in html
    assert 'class="map-marker"' in html
    html = client.get(reverse("offices:index") + "?country=fr").content.decode()
    assert "Bureau Lyon" in html
    assert "İzmir-Büro Bremen" not in html
    html = client.get(reverse("offices:index") + "?status=active").content.decode()
    assert "Bureau Lyon" not in html
    assert "İzmir-Büro Bremen" in html
    # nonsense filters are ignored, never a 500; a NUL byte is a bad request (weltstadt.input_guard)
    assert client.get(reverse("offices:index") + "?status=x&country=zz").status_code == 200
    assert client.get(reverse("offices:index") + "?status=x&country=%00").status_code == 400


@pytest.mark.django_db
def test_only_active_offices_have_a_public_page(client):
    for status in ["planned", "founding", "suspended", "closed"]:
        office = OfficeFactory(status=status)
        assert client.get(office.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_office_page_shows_address_contacts_current_board_and_published_highlights(client):
    import datetime

    office = OfficeFactory(address="Am Markt 1\n28195 Bremen", email="bremen@example.org")
    BoardMemberFactory(office=office, name="Selin Yıldız", role="chair")
    BoardMemberFactory(office=office, name="Former Member", term_ends_on=datetime.date(2020, 1, 1))
    ActivityReportFactory(office=office, highlight="Published text", highlight_published=True)
    ActivityReportFactory(office=office, highlight="Private text", highlight_published=False)
    html = client.get(office.get_absolute_url()).content.decode()
    for text in ["Am Markt 1", "bremen@example.org", "Selin Yıldız", "Published text"]:
        assert text in html
    assert "Former Member" not in html
    assert "Private text" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_public_pages_answer_in_every_language(client, code):
    office = OfficeFactory()
    with translation.override(code):
        index, detail = reverse("offices:index"), office.get_absolute_url()
    assert index.startswith(f"/{code}/")
    for url in (index, detail):
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.content.decode()


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_offices(client):
    offices = _offices(2)
    few = _queries(client, reverse("offices:index"))
    _offices(48)
    assert Office.objects.count() == 50
    assert _queries(client, reverse("offices:index")) == few
    assert _queries(client, offices[0].get_absolute_url()) == _queries(
        client, Office.objects.filter(status="active").last().get_absolute_url()
    )


@pytest.mark.django_db
def test_office_page_queries_do_not_grow_with_board_and_highlights(client):
    office = OfficeFactory()
    BoardMemberFactory.create_batch(2, office=office)
    ActivityReportFactory.create_batch(2, office=office)
    few = _queries(client, office.get_absolute_url())
    BoardMemberFactory.create_batch(48, office=office)
    ActivityReportFactory.create_batch(48, office=office)
    assert _queries(client, office.get_absolute_url()) == few


@pytest.mark.django_db
def test_the_programme_appears_in_navigation(client):
    assert "/de/offices/" in client.get("/de/").content.decode()


@pytest.mark.django_db
def test_the_office_page_shows_its_status(client):
    office = OfficeFactory()
    with translation.override("de"):
        html = client.get(office.get_absolute_url()).content.decode()
        label = str(Office.Status.ACTIVE.label)
    assert 'id="office-status"' in html
    assert f">{label}</span>" in html


@pytest.mark.django_db
def test_the_board_page_writes_visitors_as_the_reader_writes_numbers(client, alice):
    office = OfficeFactory()
    BoardMemberFactory(office=office, user=alice, role="chair")
    ActivityReportFactory(office=office, visitors=2300, events_count=1200)
    client.force_login(alice)
    with translation.override("de"):
        html = client.get(reverse("offices:board_office", kwargs={"office_id": office.pk}))
    html = html.content.decode()
    assert "2.300 Besucher" in html
    assert "1.200 Veranstaltungen" in html
    assert "2300" not in html
