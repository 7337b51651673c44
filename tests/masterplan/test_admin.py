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
