"""Fault: the mail server refuses for a while (issue 13). Deliveries back off with a growing delay
and without a storm of connections, nothing is lost, and every message goes out exactly once
after the server takes mail again. A real SMTP server (aiosmtpd) that answers 421."""

import itertools
import time

import pytest
from django.core.cache import cache

from tests.newsletter.smtp_sink import SmtpSink
from weltstadt.mail_connection import FAILURES, PROBE, UNTIL, mail_connection_close
from weltstadt.models import OutgoingMail
from weltstadt.outbox import mail_enqueue, outbox_schedule, outbox_sweep

Status = OutgoingMail.Status
BASE = 0.5  # seconds of the first backoff; production: 30 s


@pytest.fixture
def smtp_sink(settings):
    cache.delete_many([FAILURES, UNTIL, PROBE])
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_TIMEOUT = 5
        settings.OUTBOX_SMTP_BACKOFF_SECONDS = BASE
        settings.OUTBOX_SMTP_BACKOFF_MAX_SECONDS = 8 * BASE
        yield sink
        mail_connection_close()
    cache.delete_many([FAILURES, UNTIL, PROBE])


def _enqueue(count: int, *, send: bool = True) -> list[OutgoingMail]:
    return [
        mail_enqueue(
            key=f"outage:{n}",
            to=f"reader{n}@example.org",
            template="weltstadt/test_message",
            language=["de", "tr", "en"][n % 3],
            context={"sender": "Staff"},
            send=send,
        )
        for n in range(count)
    ]


def _sweep_until(run_on_commit, done, *, seconds: float) -> int:
    """Run the sweep (celery beat runs it every minute) every 20 ms; returns how many times."""
    sweeps = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        with run_on_commit():
            outbox_sweep()
        sweeps += 1
        time.sleep(0.02)
    return sweeps


def _all_sent(rows) -> bool:
    ids = [row.pk for row in rows]
    return OutgoingMail.objects.filter(pk__in=ids, status=Status.SENT).count() == len(ids)


@pytest.mark.django_db
def test_a_refusing_server_is_tried_with_growing_delays_and_nothing_is_lost(
    smtp_sink, run_on_commit
):
    smtp_sink.refuse_connections = True
    with run_on_commit():
        rows = _enqueue(30)  # thirty deliveries, one per mail
    # the first delivery met the refusal; the 29 after it did not even connect (unless a slow
    # machine took longer than the first wait for all thirty)
    assert len(smtp_sink.connects) <= 2
    waiting = OutgoingMail.objects.filter(pk__in=[r.pk for r in rows])
    assert waiting.filter(status=Status.RETRY, attempts=0).count() == 30
    assert "mail server unavailable" in waiting.first().last_error

    sweeps = _sweep_until(run_on_commit, lambda: False, seconds=12 * BASE)
    # hundreds of sweeps handed the rows over again and again; the server saw a handful of
    # connections, each after twice the wait of the one before (0.5, 1, 2, 4 s)
    assert sweeps >= 100
    attempts = smtp_sink.connects
    assert 3 <= len(attempts) <= 5, attempts
    gaps = [later - earlier for earlier, later in itertools.pairwise(attempts)]
    for n, gap in enumerate(gaps):
        assert gap >= BASE * 2**n * 0.9, gaps
    assert waiting.filter(status=Status.FAILED).count() == 0
    assert waiting.filter(status=Status.SENT).count() == 0
    assert smtp_sink.messages == 0

    smtp_sink.refuse_connections = False
    _sweep_until(run_on_commit, lambda: _all_sent(rows), seconds=20 * BASE)
    assert _all_sent(rows)
    assert smtp_sink.messages == 30
    assert set(smtp_sink.recipients) == {row.to for row in rows}
    assert max(smtp_sink.recipients.values()) == 1  # each exactly once
    assert set(waiting.values_list("attempts", flat=True)) == {1}
    assert cache.get(FAILURES) is None  # the success cleared the backoff


@pytest.mark.django_db
def test_a_server_that_stops_mid_batch_loses_and_repeats_nothing(smtp_sink, run_on_commit):
    smtp_sink.refuse_data_after = 10
    with run_on_commit():
        rows = _enqueue(30, send=False)
        outbox_schedule([row.pk for row in rows])  # one batch over one connection
    statuses = OutgoingMail.objects.filter(pk__in=[r.pk for r in rows])
    assert statuses.filter(status=Status.SENT).count() == 10
    # the refusal stopped the batch: the other twenty were not tried one by one
    assert statuses.filter(status=Status.RETRY, attempts=0).count() == 20
    assert len(smtp_sink.connects) == 1

    smtp_sink.refuse_data_after = None
    _sweep_until(run_on_commit, lambda: _all_sent(rows), seconds=20 * BASE)
    assert _all_sent(rows)
    assert smtp_sink.messages == 30
    assert set(smtp_sink.recipients) == {row.to for row in rows}
    assert max(smtp_sink.recipients.values()) == 1
