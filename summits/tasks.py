"""Thin task wrappers: look up ids, call a service. All are idempotent.

The PDF services are imported by the task that renders: every worker imports this module, and
a mail worker's processes need neither WeasyPrint's module nor QR codes (issue 14)."""

from celery import shared_task

from summits.models import Declaration, Registration, Summit
from summits.services.notifications import summit_reminders_send
from weltstadt.enqueue import enqueue


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_registration_badge(registration_id: int) -> None:
    registration = (
        Registration.objects.select_related("summit__host_city", "city")
        .filter(pk=registration_id)
        .first()
    )
    if registration is not None:
        from summits.services import documents

        documents.badge_render(registration=registration)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_summit_badges(summit_id: int) -> None:
    """Fan out: one task per badge (the progress page counts them), then the printing sheet."""
    summit = Summit.objects.filter(pk=summit_id).first()
    if summit is None:
        return
    for registration_id in summit.registrations.filter(
        status=Registration.Status.CONFIRMED
    ).values_list("pk", flat=True):
        enqueue(pdf_registration_badge, registration_id)
    enqueue(pdf_summit_badge_sheet, summit_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_summit_badge_sheet(summit_id: int) -> None:
    summit = Summit.objects.select_related("host_city").filter(pk=summit_id).first()
    if summit is not None:
        from summits.services import documents

        documents.badges_sheet_render(summit=summit)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_declaration(declaration_id: int) -> None:
    declaration = (
        Declaration.objects.select_related("summit__host_city").filter(pk=declaration_id).first()
    )
    if declaration is not None:
        from summits.services import documents

        documents.declaration_render(declaration=declaration)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def mail_summit_reminders() -> int:
    """Run by celery beat (schedule created by a data migration)."""
    return summit_reminders_send()
