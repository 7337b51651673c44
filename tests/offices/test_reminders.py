import datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from django_celery_beat.models import PeriodicTask

from offices import services
from offices.models import AnnualReport
from offices.tasks import mail_reminders
from tests.offices.factories import BoardMemberFactory
from weltstadt.models import OutgoingMail

TODAY = datetime.date(2027, 3, 20)


@pytest.fixture
def setup(office, alice_board, supervisor):
    office.supervisors.add(supervisor)
    alice_board.appointed_on = datetime.date(2025, 1, 1)
    alice_board.term_ends_on = datetime.date(2029, 1, 1)
    alice_board.save()
    ending = BoardMemberFactory(
        office=office,
        name="Murat Şen",
        role="treasurer",
        appointed_on=datetime.date(2024, 1, 1),
        term_ends_on=TODAY + datetime.timedelta(days=20),
    )
    report = AnnualReport.objects.create(
        office=office, year=2026, deadline=datetime.date(2027, 3, 31)
    )
    return ending, report


def test_reminders_go_out_once_however_often_the_job_runs(setup, run_on_commit, alice, supervisor):
    _ending, _report = setup
    for _ in range(3):
        with run_on_commit():
            services.reminders_send(today=TODAY)
    subjects = {(m.to[0], m.subject) for m in mail.outbox}
    # the supervisor and alice (on the same board) hear of the term ending; alice of the report
    assert len(mail.outbox) == 3
    # the supervisor reads German: the catalogue's words, not the English source
    assert (
        supervisor.email,
        "Amtszeit im Vorstand endet: Murat Şen (İzmir-Büro Bremen)",
    ) in subjects
    assert (
        alice.email,
        "Amtszeit im Vorstand endet: Murat Şen (İzmir-Büro Bremen)",
    ) in subjects
    due = next(m for m in mail.outbox if m.to == [alice.email] and "Bericht" in m.subject)
    assert due.subject == "Der Bericht 2026 von İzmir-Büro Bremen ist am 31. März 2027 fällig"
    assert "/de/offices/board/" in due.body  # alice reads German


def test_dates_in_reminders_are_written_in_each_recipients_language(
    setup, run_on_commit, office, alice, bob, supervisor
):
    """Not 2027-03-31: the date as the reader's language writes it, subject and body alike."""
    BoardMemberFactory(office=office, user=bob, appointed_on=datetime.date(2025, 1, 1))
    supervisor.preferred_language = "en"
    supervisor.save()
    with run_on_commit():
        services.reminders_send(today=TODAY)
    later = datetime.date(2027, 4, 2)
    with run_on_commit():
        services.reminders_send(today=later)
    by_reader = {}
    for message in mail.outbox:
        by_reader.setdefault(message.to[0], []).append(message)
    german, turkish = by_reader[alice.email], by_reader[bob.email]
    english = by_reader[supervisor.email]
    assert any("31. März 2027" in m.subject for m in german)
    assert any("31 Mart 2027" in m.subject for m in turkish)
    for message in german + turkish + english:
        assert "2027-03-31" not in message.subject + message.body, message.subject
        html = message.alternatives[0][0] if message.alternatives else ""
        assert "2027-03-31" not in html
    assert any("31. März 2027" in m.body for m in german if "2026" in m.subject)  # overdue
    assert any("31 Mart 2027" in m.body for m in turkish)
    # the supervisor reads English: the term ending and the overdue report
    ends_on = (TODAY + datetime.timedelta(days=20)).strftime("%-d %B %Y")  # British order
    assert any(ends_on in m.body for m in english), [m.body for m in english]
    assert any("31 March 2027" in m.body for m in english)


def test_overdue_reminder_after_the_deadline_to_board_and_supervisor(
    setup, run_on_commit, alice, supervisor
):
    _ending, _report = setup
    with run_on_commit():
        services.reminders_send(today=TODAY)
    mail.outbox.clear()
    later = datetime.date(2027, 4, 2)
    for day in range(3):
        with run_on_commit():
            services.reminders_send(today=later + datetime.timedelta(days=day))
    overdue = [m for m in mail.outbox if "2026" in m.subject]
    assert sorted(m.to[0] for m in overdue) == sorted([alice.email, supervisor.email])


def test_no_reminder_for_a_submitted_report_or_a_distant_deadline(setup, run_on_commit, alice):
    _ending, report = setup
    services.annual_report_submit(
        office=report.office, by=alice, year=2026, amount_spent="1.00", currency="EUR",
        activity_summary="done",
    )  # fmt: skip
    with run_on_commit():
        run = services.reminders_send(today=datetime.date(2027, 4, 10))
    assert run.reports_due == run.reports_overdue == 0
    reminders = [
        "offices/report_due",
        "offices/report_overdue",
        "offices/report_overdue_supervisor",
    ]
    assert not OutgoingMail.objects.filter(template__in=reminders).exists()


def test_the_task_runs_the_service(setup, run_on_commit):
    with run_on_commit():
        result = mail_reminders.delay().get()
    assert set(result) == {"terms_ending", "reports_due", "reports_overdue"}


@pytest.mark.django_db
def test_the_daily_schedule_is_registered_by_migration():
    task = PeriodicTask.objects.get(task="offices.tasks.mail_reminders")
    assert task.enabled
    assert task.crontab.hour == "7"
    assert task.crontab.minute == "0"
    assert task.queue == "mail"


def test_mails_are_in_the_recipients_language(office, bob, supervisor, run_on_commit):
    """bob reads Turkish; the decision mail reaches him in Turkish URLs whoever decides."""
    from django.utils import timezone

    BoardMemberFactory(office=office, user=bob, role="chair")
    request = services.funding_request_submit(
        office=office, by=bob, year=timezone.localdate().year, purpose="p", currency="EUR",
        lines=[("a", "10.00")],
    )  # fmt: skip
    with run_on_commit():
        services.funding_request_decide(
            request=request, by=supervisor, decision="rejected", reason="Kein Budget"
        )
    (message,) = mail.outbox
    assert message.to == [bob.email]
    with translation.override("tr"):
        subject = gettext("Decision on the %(year)s funding request of %(office)s")
    assert subject != "Decision on the %(year)s funding request of %(office)s"
    assert message.subject == subject % {"year": request.year, "office": office.name}
    assert "/tr/offices/board/" in message.body
    assert "Kein Budget" in message.body
    assert OutgoingMail.objects.get().language == "tr"


def test_board_invitation_mails_a_working_set_password_link(
    client, office, supervisor, run_on_commit
):
    member = BoardMemberFactory(office=office, name="Leyla Öz", email="leyla@example.org")
    with run_on_commit():
        user = services.board_member_invite(member=member, by=supervisor)
        services.board_member_invite(member=member, by=supervisor)
    assert len(mail.outbox) == 1
    assert not user.has_usable_password()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/key/" in line)
    path = link.strip().split("127.0.0.1:8000", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert b"password1" in response.content


def test_overdue_reminder_tells_the_supervisor_and_links_the_back_office(
    setup, run_on_commit, alice, supervisor, settings
):
    """The supervisor cannot submit nor open the board area: their mail reports the delay and
    links the report in the back-office; the board's mail still asks to submit it."""
    _ending, report = setup
    alice.preferred_language = supervisor.preferred_language = "en"
    alice.save()
    supervisor.save()
    with run_on_commit():
        services.reminders_send(today=datetime.date(2027, 4, 2))
    overdue = {m.to[0]: m for m in mail.outbox if "2026" in m.subject}
    to_supervisor, to_board = overdue[supervisor.email], overdue[alice.email]

    back_office = f"{settings.SITE_URL}/admin/offices/annualreport/{report.pk}/change/"
    html = to_supervisor.alternatives[0][0]
    assert back_office in to_supervisor.body
    assert f'href="{back_office}"' in html
    for text in (to_supervisor.body, html):
        assert "/offices/board/" not in text
        assert "Please submit" not in text
        assert "report 2026 of İzmir-Büro Bremen is overdue" in text
    assert OutgoingMail.objects.get(to=supervisor.email, template__contains="overdue").template == (
        "offices/report_overdue_supervisor"
    )

    board_link = f"{settings.SITE_URL}/en/offices/board/{report.office_id}/report/"
    assert "Please submit it as soon as possible" in to_board.body
    assert board_link in to_board.body
    assert "/admin/" not in to_board.body
