"""Thin task wrappers: look up ids, call the service."""

from celery import shared_task

from weltstadt.enqueue import enqueue
from weltstadt.outbox import Delivery, outbox_deliver, outbox_sweep


def outbox_retry_due(delivery: Delivery) -> None:
    """Rows to retry at once go back to the queue now; later ones wait for the sweep, which
    hands over RETRY rows when they are due (a countdown task would sit unacknowledged in the
    worker, at the mercy of the broker's visibility timeout)."""
    if delivery.retry and delivery.retry_delay <= 0:
        enqueue(outbox_send, delivery.retry)


@shared_task(acks_late=True, reject_on_worker_lost=True, bind=True)
def outbox_send(self, mail_ids: list[int]) -> int:
    # The task id doubles as the claim token: a redelivered task reclaims its own rows.
    delivery = outbox_deliver(mail_ids, claim_token=self.request.id)
    outbox_retry_due(delivery)
    return len(delivery.sent)


@shared_task
def outbox_sweep_due() -> int:
    return outbox_sweep()
