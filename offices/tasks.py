from celery import shared_task

from offices.services import reminders_send


@shared_task(name="offices.tasks.mail_reminders", acks_late=True, reject_on_worker_lost=True)
def mail_reminders() -> dict:
    """Daily: mail the term-ending and report reminders that are due (idempotent)."""
    run = reminders_send()
    return {
        "terms_ending": run.terms_ending,
        "reports_due": run.reports_due,
        "reports_overdue": run.reports_overdue,
    }
