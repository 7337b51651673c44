"""Thin task wrappers (routed by name: `pdf_*` to the pdf queue): look up ids, call a service.

The services are imported by the task that runs: every worker imports this module (Celery
discovers the tasks), and the services bring the credentials' signing (joserfc, cryptography) and
QR codes (segno), which a mail worker's processes never use (issue 14)."""

from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_certificate_render(certificate_id: int) -> int | None:
    from ambassadors.certificates import services

    pdf = services.certificate_render(certificate_id=certificate_id)
    return pdf.pk if pdf else None


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_mission_statement_render(statement_id: int, ambassador_id: int) -> int | None:
    from ambassadors.certificates import services

    document = services.mission_document_render(
        statement_id=statement_id, ambassador_id=ambassador_id
    )
    return document.pk if document else None
