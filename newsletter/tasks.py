"""Thin task wrappers: look up ids, call the services."""

from celery import shared_task

from newsletter.services.sending import sendjob_pump, sendjob_start, sendjobs_due
from weltstadt.outbox import outbox_deliver
from weltstadt.tasks import outbox_retry_due


@shared_task
def mail_bulletin_start(job_id: int) -> bool:
    return sendjob_start(job_id=job_id)


@shared_task(acks_late=True, reject_on_worker_lost=True, bind=True)
def mail_bulletin_batch(self, job_id: int, mail_ids: list[int]) -> int:
    # Like weltstadt.tasks.outbox_send (the task id is the claim token, so a redelivered task
    # reclaims its rows and skips what its journal says was sent), then asks for the next batch.
    delivery = outbox_deliver(mail_ids, claim_token=self.request.id)
    outbox_retry_due(delivery)
    if not delivery.server_down:  # else the job waits; mail_bulletin_due revives it later
        sendjob_pump(job_id=job_id, batches=1)
    return len(delivery.sent)


@shared_task
def mail_bulletin_due() -> int:
    return sendjobs_due()
