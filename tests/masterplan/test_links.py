"""Summit follow-up actions and office activity reports tied to objectives in their own admin;
the objective's public page lists them (an unpublished office report only for staff)."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from masterplan.models import ObjectiveLink
from summits.models import FollowUpAction, Summit
from tests.factories import CityFactory
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
)
from tests.offices.factories import ActivityReportFactory
from tests.summits.factories import SummitFactory, past_dates

pytestmark = pytest.mark.django_db
INLINE = "masterplan-objectivelink-content_type-object_id"


def _objective():
    plan = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    adopt(plan)
    return objective


def _inline(objective, note: str) -> dict:
    return {f"{INLINE}-TOTAL_FORMS": "1", f"{INLINE}-INITIAL_FORMS": "0",
            f"{INLINE}-MIN_NUM_FORMS": "0", f"{INLINE}-MAX_NUM_FORMS": "1000",
            f"{INLINE}-0-objective": str(objective.pk), f"{INLINE}-0-note": note}  # fmt: skip


def test_staff_tie_a_follow_up_action_to_an_objective_and_the_objective_page_lists_it(
    staff_client,
):
    client = Client()  # a visitor; staff_client is logged in
    objective = _objective()
    summit = SummitFactory(slug="izmir-2025", status=Summit.Status.HELD, **past_dates())
    bremen = CityFactory(name="Bremen")
    action = FollowUpAction.objects.create(
        summit=summit, what_de="Jugendbegegnung Bremen–İzmir", owner_city=bremen
    )
    url = f"/admin/summits/followupaction/{action.pk}/change/"
    assert INLINE in staff_client.get(url).content.decode()
    response = staff_client.post(
        url,
        {
            "summit": summit.pk,
            "what_de": "Jugendbegegnung Bremen–İzmir",
            "owner_city": bremen.pk,
            "due_date": "",
            **_inline(objective, "Jugendaustausch"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    link = ObjectiveLink.objects.get()
    assert (link.objective, link.item, link.note) == (objective, action, "Jugendaustausch")

    html = client.get(f"/de/masterplan/objectives/{objective.pk}/").content.decode()
    href = f"/de/summits/izmir-2025/#follow-up-{action.pk}"
    assert f'<a href="{href}">Jugendbegegnung Bremen–İzmir</a>' in html
    assert "Jugendaustausch" in html
    # the link leads to the action's row on the summit page
    assert f'id="follow-up-{action.pk}"' in client.get("/de/summits/izmir-2025/").content.decode()


def test_staff_tie_an_activity_report_and_only_a_published_one_is_public(staff_client):
    client = Client()  # a visitor
    objective = _objective()
    published = ActivityReportFactory(title="İzmir-Tage in Bremen", highlight_published=True)
    private = ActivityReportFactory(title="Interne Vorstandsklausur", highlight_published=False)
    for report in (published, private):
        url = f"/admin/offices/activityreport/{report.pk}/change/"
        assert INLINE in staff_client.get(url).content.decode()
        ObjectiveLink.objects.create(
            objective=objective,
            content_type=ContentType.objects.get_for_model(report),
            object_id=report.pk,
        )
    public = client.get(f"/en/masterplan/objectives/{objective.pk}/").content.decode()
    office_url = published.office.get_absolute_url().replace("/de/", "/en/")
    assert re.search(rf'<a href="{office_url}">İzmir-Tage in Bremen</a>', public)
    assert "Interne Vorstandsklausur" not in public
    staff = staff_client.get(f"/en/masterplan/objectives/{objective.pk}/").content.decode()
    assert "Interne Vorstandsklausur" in staff
