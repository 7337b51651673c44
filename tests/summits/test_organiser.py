"""The summit organiser (no master-plan role) records a follow-up action for a city and ties it to
master-plan objectives from the action's own page, choosing the objective by its title."""

import pytest

from summits.models import FollowUpAction, Summit
from tests.factories import CityFactory, staff_with_role
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
)
from tests.summits.factories import SummitFactory, past_dates
from weltstadt.accounts import roles

pytestmark = pytest.mark.django_db
INLINE = "masterplan-objectivelink-content_type-object_id"


def _objective():
    plan = PlanFactory()
    objective = ObjectiveFactory(
        strategy=StrategyFactory(area=AreaFactory(plan=plan)),
        title_de="Jugendaustausch stärken",
        title_tr="Gençlik değişimini güçlendirmek",
    )
    adopt(plan)
    return objective


def test_the_organiser_records_a_follow_up_action_linked_to_an_objective(client):
    objective = _objective()
    summit = SummitFactory(status=Summit.Status.HELD, **past_dates())
    bremen = CityFactory(name="Bremen")
    client.force_login(staff_with_role(roles.SUMMIT_ORGANISER))
    add = "/admin/summits/followupaction/add/"
    page = client.get(add).content.decode()
    assert INLINE in page  # the objective links section is shown
    # the objective is chosen by its title, not typed as an id
    assert "Jugendaustausch stärken" in page or "Jugendaustausch st&auml;rken" in page
    owners = client.get(
        "/admin/autocomplete/",
        {"app_label": "summits", "model_name": "followupaction", "field_name": "owner_city",
         "term": "Brem"},
    )  # fmt: skip
    assert owners.status_code == 200
    assert [r["text"] for r in owners.json()["results"]] == ["Bremen"]
    response = client.post(
        add,
        {
            "summit": summit.pk,
            "what_de": "Jugendbegegnung Bremen–İzmir",
            "what_tr": "Bremen–İzmir gençlik buluşması",
            "owner_city": owners.json()["results"][0]["id"],
            "due_date": "",
            f"{INLINE}-TOTAL_FORMS": "1",
            f"{INLINE}-INITIAL_FORMS": "0",
            f"{INLINE}-MIN_NUM_FORMS": "0",
            f"{INLINE}-MAX_NUM_FORMS": "1000",
            f"{INLINE}-0-objective": str(objective.pk),
            f"{INLINE}-0-note": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    action = FollowUpAction.objects.get()
    assert action.owner_city == bremen
    client.logout()
    german = client.get(f"/de/masterplan/objectives/{objective.pk}/").content.decode()
    assert "Jugendbegegnung Bremen–İzmir" in german
    turkish = client.get(f"/tr/masterplan/objectives/{objective.pk}/").content.decode()
    assert "Bremen–İzmir gençlik buluşması" in turkish
