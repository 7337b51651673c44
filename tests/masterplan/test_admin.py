import pytest

from masterplan.demo import demo_seed
from masterplan.models import Plan

PAGES = [
    "plan",
    "priorityarea",
    "strategy",
    "objective",
    "indicator",
    "investmenttarget",
    "localdataset",
    "expertinvitation",
    "expertcomment",
    "workshop",
    "planexport",
]


@pytest.mark.django_db
def test_admin_lists_and_forms_open(staff_client):
    demo_seed()
    for model in PAGES:
        assert staff_client.get(f"/admin/masterplan/{model}/").status_code == 200, model
        assert staff_client.get(f"/admin/masterplan/{model}/?q=İzmir").status_code == 200, model
    plan = Plan.objects.get()
    assert staff_client.get(f"/admin/masterplan/plan/{plan.pk}/change/").status_code == 200
    workshop = plan.workshops.get()
    assert staff_client.get(f"/admin/masterplan/workshop/{workshop.pk}/change/").status_code == 200
    objective = plan.areas.first().strategies.first().objectives.first()
    assert (
        staff_client.get(f"/admin/masterplan/objective/{objective.pk}/change/").status_code == 200
    )


@pytest.mark.django_db
def test_admin_action_moves_the_plan_and_refuses_a_bad_move(staff_client):
    from tests.masterplan.factories import PlanFactory

    plan = PlanFactory()
    staff_client.post("/admin/masterplan/plan/", {"action": "adopt", "_selected_action": [plan.pk]})
    plan.refresh_from_db()
    assert plan.status == "draft"
    staff_client.post(
        "/admin/masterplan/plan/", {"action": "open_consultation", "_selected_action": [plan.pk]}
    )
    plan.refresh_from_db()
    assert plan.status == "consultation"


@pytest.mark.django_db
def test_the_export_admin_links_the_pdf_through_a_checked_view(client, staff_client):
    """The PDF is in private storage, which /media/ does not serve: the link is a view that
    checks the viewer's role, for a draft plan's export too."""
    import datetime

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile

    from masterplan.models import PlanExport
    from tests.factories import UserFactory
    from tests.masterplan.factories import PlanFactory
    from weltstadt.accounts.roles import MASTERPLAN_EDITOR, SUMMIT_ORGANISER

    export = PlanExport.objects.create(
        plan=PlanFactory(), language="tr", date=datetime.date(2027, 1, 5), status="ready"
    )
    export.file.save("plan-tr.pdf", ContentFile(b"%PDF-1.7 plan"), save=True)
    download = f"/admin/masterplan/planexport/{export.pk}/pdf/"

    def login(role):
        user = UserFactory(email=f"{role[:6].lower()}@example.org", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        TOTP.activate(user, generate_totp_secret())
        client.force_login(user)

    login(MASTERPLAN_EDITOR)
    html = client.get(f"/admin/masterplan/planexport/{export.pk}/change/").content.decode()
    assert settings.MEDIA_URL not in html
    assert f'{export.file.name}"' not in html
    assert f'href="{download}"' in html
    response = client.get(download)
    assert b"".join(response.streaming_content) == b"%PDF-1.7 plan"
    assert "attachment" in response["Content-Disposition"]

    login(SUMMIT_ORGANISER)
    assert client.get(download).status_code == 403
    client.logout()
    assert client.get(download)["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_numbers_are_typed_the_readers_way_and_search_folds_turkish(staff_client):
    """Local data values, investment amounts, indicator values: "185.000" in a German admin is
    one hundred and eighty-five thousand; "izmir" finds "İzmir"."""
    from decimal import Decimal

    from masterplan.models import InvestmentTarget, LocalDataset
    from tests.masterplan.factories import PlanFactory
    from tests.masterplan.test_amendments import form_data

    dataset = LocalDataset.objects.create(
        key="pop", title_de="Bevölkerung İzmir", source="TÜİK", unit_de="n"
    )
    url = f"/admin/masterplan/localdataset/{dataset.pk}/change/"
    data = form_data(staff_client, url)
    data.update({"values-TOTAL_FORMS": "1", "values-0-year": "2023", "values-0-value": "185.000"})
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="de")
    import re

    errors = re.findall(
        r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S
    )
    assert response.status_code == 302, errors
    assert dataset.values.get().value == Decimal("185000")

    plan = PlanFactory()
    InvestmentTarget.objects.create(
        plan=plan, title="Liman İzmir", title_de="Liman İzmir", sector="logistics",
        amount=Decimal("1"), year=2022,
    )  # fmt: skip
    for model, term, expected in [
        ("investmenttarget", "izmir", "Liman İzmir"),
        ("localdataset", "IZMIR", "Bevölkerung İzmir"),
        ("localdataset", "bevolkerung", "Bevölkerung İzmir"),
    ]:
        html = staff_client.get(f"/admin/masterplan/{model}/?q={term}").content.decode()
        assert expected in html, (model, term)


@pytest.mark.django_db
def test_history_pages_open_for_the_plan_parts(staff_client):
    demo_seed()
    plan = Plan.objects.get()
    objective = plan.areas.first().strategies.first().objectives.first()
    indicator = objective.indicators.first()
    for path in [
        f"plan/{plan.pk}",
        f"objective/{objective.pk}",
        f"indicator/{indicator.pk}",
        f"investmenttarget/{plan.investment_targets.first().pk}",
    ]:
        assert staff_client.get(f"/admin/masterplan/{path}/history/").status_code == 200, path
