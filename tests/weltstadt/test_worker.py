"""A real Celery worker on the configured broker (Redis in CI) sends outbox mail over SMTP."""

import pytest

from tests.fixtures.worker import wait_until
from weltstadt.models import OutgoingMail
from weltstadt.outbox import mail_enqueue

pytestmark = pytest.mark.worker


def test_a_real_worker_delivers_outbox_mail_over_smtp(celery_worker_process, smtp_sink):
    celery_worker_process.start(extra_env={"EMAIL_URL": smtp_sink.url})
    mail_enqueue(
        key="worker-test",
        to="ayse@example.org",
        template="weltstadt/test_message",
        language="tr",
        context={"sender": "Worker test"},
    )
    wait_until(lambda: OutgoingMail.objects.filter(status="sent").exists(), timeout=60)
    assert len(smtp_sink.messages) == 1
    recipients, message = smtp_sink.messages[0]
    assert recipients == ["ayse@example.org"]
    assert "Worker test" in message.get_payload()[0].get_payload(decode=True).decode()
    assert "outbox_send" in celery_worker_process.log


def test_a_worker_killed_mid_batch_leaves_nobody_unmailed(celery_worker_process, smtp_sink):
    """SIGKILL the worker while it sends a batch; after a restart every row is sent, and at most
    the message in flight at the crash went out twice."""
    import time

    from weltstadt.outbox import outbox_schedule

    smtp_sink.slow_down(0.05)
    env = {"EMAIL_URL": smtp_sink.url, "CELERY_VISIBILITY_TIMEOUT": "3"}
    celery_worker_process.start(extra_env=env)
    ids = [
        mail_enqueue(
            key=f"crash-{i}",
            to=f"person{i}@example.org",
            template="weltstadt/test_message",
            language="de",
            context={"sender": "Crash test"},
            send=False,
        ).pk
        for i in range(60)
    ]
    outbox_schedule(ids)
    wait_until(lambda: len(smtp_sink.messages) >= 10, timeout=60)
    celery_worker_process.kill()
    time.sleep(0.5)
    sent_before_crash = len(smtp_sink.messages)
    assert sent_before_crash < 60
    celery_worker_process.start(extra_env=env)
    wait_until(lambda: OutgoingMail.objects.filter(status="sent").count() == 60, timeout=90)
    recipients = [r for rcpts, _m in smtp_sink.messages for r in rcpts]
    assert set(recipients) == {f"person{i}@example.org" for i in range(60)}
    assert len(recipients) - 60 <= 1
