"""Thin task wrappers: look up ids, call the service."""

from celery import shared_task

from weltstadt.outbox import outbox_deliver, outbox_sweep


@shared_task(acks_late=True, reject_on_worker_lost=True, bind=True)
def outbox_send(self, mail_ids: list[int]) -> int:
    # The task id doubles as the claim token: a redelivered task reclaims its own rows.
    delivery = outbox_deliver(mail_ids, claim_token=self.request.id)
    if delivery.retry:
        outbox_send.apply_async(args=[delivery.retry], countdown=delivery.retry_delay)
    return len(delivery.sent)


@shared_task
def outbox_sweep_due() -> int:
    return outbox_sweep()
