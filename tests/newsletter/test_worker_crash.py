"""Acceptance 2: a worker killed in the middle of a send, restarted: everyone gets the issue once,
except at most one duplicate per crash (the message in flight)."""

import os

import pytest

from newsletter.models import SendJob
from newsletter.services.sending import issue_send
from tests.fixtures.worker import broker_redeliver_unacked, wait_until
from tests.newsletter.factories import issue_make, subscribers_make
from tests.newsletter.smtp_sink import SmtpSink
from weltstadt.models import OutgoingMail


@pytest.mark.worker
def test_a_killed_worker_repeats_at_most_the_message_in_flight(celery_worker_process):
    issue = issue_make(languages=["de", "tr", "en"])
    subscribers = [
        *subscribers_make(60, language="tr"),
        *subscribers_make(50, language="de", start=100),
        *subscribers_make(40, language="fr", start=200),
    ]
    env = {
        # production keeps the outbox journal in Redis (REDIS_URL); so does this worker
        "REDIS_URL": os.environ["CELERY_BROKER_URL"],
        "OUTBOX_BATCH_SIZE": "25",
    }
    with SmtpSink(delay=0.01) as sink:
        env["EMAIL_URL"] = sink.url
        celery_worker_process.start(extra_env=env)
        job = issue_send(issue=issue, by=None)
        wait_until(lambda: sink.messages >= 40, timeout=60, interval=0.005)
        celery_worker_process.kill()
        crashed_at = sink.messages
        assert crashed_at < len(subscribers)
        # the batch in flight is redelivered (with one more the worker may have reserved); what
        # "at most the message in flight" means is counted below: at most one duplicate
        assert broker_redeliver_unacked() >= 1
        celery_worker_process.start(extra_env=env)
        wait_until(
            lambda: (
                SendJob.objects.get(pk=job.pk).status == SendJob.Status.DONE
                and OutgoingMail.objects.filter(
                    idempotency_key__startswith=job.key_prefix, status=OutgoingMail.Status.SENT
                ).count()
                == len(subscribers)
            ),
            timeout=120,
        )
    expected = {s.email for s in subscribers}
    assert set(sink.recipients) == expected
    duplicates = sum(count - 1 for count in sink.recipients.values())
    assert duplicates <= 1, sink.recipients.most_common(5)
    assert sink.messages == len(subscribers) + duplicates
