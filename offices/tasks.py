"""Thin task wrappers. The services are imported by the task that runs: offices.services brings
the board's forms (allauth's), which a mail worker's processes never use (issue 14)."""

from celery import shared_task


@shared_task(name="offices.tasks.mail_reminders", acks_late=True, reject_on_worker_lost=True)
def mail_reminders() -> dict:
    """Daily: mail the term-ending and report reminders that are due (idempotent)."""
    from offices.services import reminders_send

    run = reminders_send()
    return {
        "terms_ending": run.terms_ending,
        "reports_due": run.reports_due,
        "reports_overdue": run.reports_overdue,
    }
