import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from offices import services
from offices.models import Office
from tests.offices.factories import OfficeFactory


def test_an_office_goes_from_planned_to_active_with_each_step_recorded(db, supervisor):
    office = OfficeFactory(status=Office.Status.PLANNED)
    services.office_status_change(office=office, to="founding", by=supervisor, reason="Council")
    services.office_status_change(office=office, to="active", by=supervisor, reason="Registered")
    office.refresh_from_db()
    assert office.status == "active"
    assert office.founded_on is not None
    changes = list(office.status_changes.order_by("changed_at", "pk"))
    assert [(c.from_status, c.to_status, c.reason) for c in changes] == [
        ("planned", "founding", "Council"),
        ("founding", "active", "Registered"),
    ]
    assert all(c.changed_by == supervisor for c in changes)
    assert [h.status for h in office.history.order_by("history_date")][-1] == "active"


@pytest.mark.parametrize(
    ("start", "to"),
    [("planned", "active"), ("closed", "active"), ("active", "founding"), ("active", "nonsense")],
)
def test_forbidden_transitions_change_nothing(db, supervisor, start, to):
    office = OfficeFactory(status=start)
    with pytest.raises(ValidationError):
        services.office_status_change(office=office, to=to, by=supervisor, reason="x")
    office.refresh_from_db()
    assert office.status == start
    assert not office.status_changes.exists()


def test_a_reason_is_required(db, supervisor):
    office = OfficeFactory(status="active")
    with pytest.raises(ValidationError):
        services.office_status_change(office=office, to="suspended", by=supervisor, reason=" ")


def test_the_admin_status_page_uses_the_service(supervisor_client, supervisor):
    office = OfficeFactory(status="active")
    url = reverse("admin:offices_office_status", args=[office.pk])
    assert supervisor_client.get(url).status_code == 200
    response = supervisor_client.post(url, {"to": "planned", "reason": "x"})
    assert response.status_code == 200
    assert response.context["form"].has_error("to")  # not even offered
    office.refresh_from_db()
    assert office.status == "active"
    response = supervisor_client.post(url, {"to": "suspended", "reason": "No board"})
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.status == "suspended"
    assert office.status_changes.get().changed_by == supervisor


def test_the_status_form_offers_only_the_allowed_transitions(supervisor_client):
    office = OfficeFactory(status="active")
    url = reverse("admin:offices_office_status", args=[office.pk])
    form = supervisor_client.get(url).context["form"]
    assert {value for value, _label in form.fields["to"].choices} == {"suspended", "closed"}
    office.status = "planned"
    office.save()
    form = supervisor_client.get(url).context["form"]
    assert {value for value, _label in form.fields["to"].choices} == {"founding", "closed"}


def test_closing_is_confirmed_before_it_happens(supervisor_client):
    office = OfficeFactory(status="active", name="İzmir Office Wien")
    url = reverse("admin:offices_office_status", args=[office.pk])
    response = supervisor_client.post(url, {"to": "closed", "reason": "Aufgelöst"})
    assert response.status_code == 200
    assert response.context["form"].has_error("confirm_final")
    office.refresh_from_db()
    assert office.status == "active"
    assert "İzmir Office Wien" in response.content.decode()  # the box names the office
    response = supervisor_client.post(
        url, {"to": "closed", "reason": "Aufgelöst", "confirm_final": "on"}
    )
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.status == "closed"
    # closed for good: the status page no longer opens
    assert supervisor_client.get(url).status_code == 302
