"""Issue 19: who hears of what. Supervisors of new requests and reports, boards of payments,
status changes and ending terms; each mail once (idempotent keys), in the reader's language."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from offices import services
from tests.offices.factories import BoardMemberFactory

YEAR = timezone.localdate().year
TODAY = timezone.localdate()


@pytest.fixture
def supervised(office, supervisor, alice_board, bob, bob_board):
    """alice (German) chairs the office, bob (Turkish) sits on it too; supervisor reads German."""
    BoardMemberFactory(office=office, user=bob, name=bob.name)
    office.supervisors.add(supervisor)
    return office


def _submit(office, by):
    return services.funding_request_submit(
        office=office, by=by, year=YEAR, purpose="İzmir-Tage", currency="EUR",
        lines=[("Saal", "1250.50")],
    )  # fmt: skip


def _to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_supervisors_hear_of_a_new_request_with_a_link_to_it(
    supervised, alice, supervisor, run_on_commit
):
    with run_on_commit():
        request = _submit(supervised, alice)
    [message] = _to(supervisor.email)
    assert "1.250,50" in message.body  # German, as the supervisor reads
    assert reverse("admin:offices_fundingrequest_change", args=[request.pk]) in message.body


def test_supervisors_hear_of_a_submitted_annual_report(
    supervised, alice, supervisor, run_on_commit
):
    with run_on_commit():
        report = services.annual_report_submit(
            office=supervised, by=alice, year=YEAR, amount_spent="3150.25", currency="EUR",
            activity_summary="x",
        )  # fmt: skip
    [message] = _to(supervisor.email)
    assert "3.150,25" in message.body
    assert reverse("admin:offices_annualreport_change", args=[report.pk]) in message.body


def test_the_board_hears_of_a_payment_once_each_in_their_language(
    supervised, alice, bob, supervisor, run_on_commit
):
    request = _submit(supervised, alice)
    services.funding_request_decide(request=request, by=supervisor, decision="approved", reason="")
    mail.outbox.clear()
    with run_on_commit():
        services.payment_record(request=request, by=supervisor, amount="1000.00", paid_on=TODAY)
    [german], [turkish] = _to(alice.email), _to(bob.email)
    assert "1.000,00" in german.body
    assert "1.000,00" in turkish.body
    assert german.subject != turkish.subject  # each in their own language
    with translation.override("de"):
        link = reverse(
            "offices:board_request", kwargs={"office_id": supervised.pk, "request_id": request.pk}
        )
    assert link in german.body


def test_the_decision_mail_links_to_the_request(supervised, alice, supervisor, run_on_commit):
    request = _submit(supervised, alice)
    with run_on_commit():
        services.funding_request_decide(
            request=request, by=supervisor, decision="rejected", reason="Kein Budget"
        )
    [message] = _to(alice.email)
    assert f"/requests/{request.pk}/" in message.body


def test_the_board_is_told_of_a_suspension(supervised, alice, bob, supervisor, run_on_commit):
    with run_on_commit():
        services.office_status_change(
            office=supervised, to="suspended", by=supervisor, reason="Vorstand zurückgetreten"
        )
    [german], [turkish] = _to(alice.email), _to(bob.email)
    assert "Ausgesetzt" in german.body or "ausgesetzt" in german.body.lower()
    assert "Vorstand zurückgetreten" in german.body
    assert "Askıya alındı" in turkish.subject + turkish.body or "askı" in turkish.body.lower()


def test_the_board_hears_that_a_term_ends_once_however_often_the_job_runs(
    supervised, alice, alice_board, run_on_commit
):
    alice_board.term_ends_on = TODAY + datetime.timedelta(days=20)
    alice_board.save()
    for _ in range(3):
        with run_on_commit():
            services.reminders_send(today=TODAY)
    ending = [m for m in _to(alice.email) if alice.name in m.subject]
    assert len(ending) == 1
    assert "/de/offices/board/" in ending[0].body
