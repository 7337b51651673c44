import datetime
from dataclasses import dataclass

from django.utils import timezone

from offices.models import AnnualReport, BoardMember, Office
from offices.services.notify import board_users, supervisor_users
from weltstadt.outbox import mail_enqueue_for_user

TERM_NOTICE_DAYS = 30
REPORT_NOTICE_DAYS = 14


@dataclass
class ReminderRun:
    terms_ending: int = 0
    reports_due: int = 0
    reports_overdue: int = 0


def reminders_send(*, today: datetime.date | None = None) -> ReminderRun:
    """Mail what is due: board terms ending within 30 days (to the supervisors and the board),
    annual reports due within 14 days (to the board) and overdue reports (to the board, asked to
    submit, and to the supervisors, told of the delay with a link to the back-office).

    Guarantees: each reminder has an idempotency key naming its subject and occasion, so running
    this every day (or twice a day, or after a crash) mails each person once per occasion.
    """
    today = today or timezone.localdate()
    run = ReminderRun()
    ending = BoardMember.objects.filter(
        term_ends_on__gte=today,
        term_ends_on__lte=today + datetime.timedelta(days=TERM_NOTICE_DAYS),
    ).exclude(office__status=Office.Status.CLOSED)
    for member in ending.select_related("office").prefetch_related("office__supervisors"):
        context = {
            "office": member.office.name,
            "office_id": member.office_id,
            "member": member.name,
            "role": member.role,
            "term_ends_on": member.term_ends_on.isoformat(),
        }
        # the supervisors, and the board: the member whose term ends and those who serve with them
        for users, template, key in [
            (supervisor_users(member.office), "offices/term_ending", "term-ending"),
            (board_users(member.office), "offices/term_ending_board", "term-ending-board"),
        ]:
            for user in users:
                mail_enqueue_for_user(
                    user,
                    key=f"offices:{key}:{member.pk}:{member.term_ends_on}:{user.pk}",
                    template=template,
                    context=context,
                )
                run.terms_ending += 1
    open_reports = AnnualReport.objects.filter(
        status__in=[AnnualReport.Status.DUE, AnnualReport.Status.SENT_BACK],
        deadline__lte=today + datetime.timedelta(days=REPORT_NOTICE_DAYS),
    ).select_related("office")
    for report in open_reports:
        overdue = report.deadline < today
        occasion = "overdue" if overdue else "due"
        context = {
            "office": report.office.name,
            "office_id": report.office_id,
            "report_id": report.pk,
            "year": report.year,
            "deadline": report.deadline.isoformat(),
        }
        # The board is asked to submit (board area); a supervisor can neither submit nor open
        # the board area, so they are told of the delay and pointed to the back-office. Someone
        # on both lists gets the board's mail once: the key is per report and person.
        recipients = [(user, f"offices/report_{occasion}") for user in board_users(report.office)]
        if overdue:
            recipients += [
                (user, "offices/report_overdue_supervisor")
                for user in supervisor_users(report.office)
            ]
        for user, template in recipients:
            mail_enqueue_for_user(
                user,
                key=f"offices:report-{occasion}:{report.pk}:{report.deadline}:{user.pk}",
                template=template,
                context=context,
            )
            if overdue:
                run.reports_overdue += 1
            else:
                run.reports_due += 1
    return run
