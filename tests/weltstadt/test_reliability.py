"""Issue 22: a broker that is down never turns a saved action into an error page; a message the
mail server accepted is never sent again, whatever died when; stuck claims come back quickly; a
send with missing mail is never shown as done."""

from datetime import timedelta

import pytest
from celery.app.task import Task
from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from newsletter.models import SendJob, Subscriber
from newsletter.selectors import sendjob_progress
from tests.newsletter.factories import issue_make
from weltstadt.celery import app as celery_app
from weltstadt.models import OutgoingMail
from weltstadt.outbox import mail_enqueue, outbox_deliver, outbox_sweep
from weltstadt.outbox_journal import journal_record

Status = OutgoingMail.Status


def _row(key, to="ayse@example.org"):
    return mail_enqueue(
        key=key,
        to=to,
        template="weltstadt/test_message",
        language="de",
        context={"sender": "Test"},
        send=False,
    )


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish fails as it does when Redis refuses the connection."""
    celery_app.conf.task_always_eager = False
    published = []

    def refuse(task, *args, **kwargs):
        published.append(task.name)
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", refuse)
    yield published
    monkeypatch.undo()
    celery_app.conf.task_always_eager = True


@pytest.mark.django_db
def test_subscribing_with_the_broker_down_answers_the_normal_page(
    client, run_on_commit, broker_down, settings, monkeypatch
):
    with run_on_commit():
        response = client.post(
            "/en/bulletin/subscribe/",
            {"email": "leyla@example.org", "language": "tr", "consent": "on", "source": "footer"},
        )
    assert response.status_code == 302
    assert response["Location"].endswith("/bulletin/subscribe/done/")
    assert broker_down == ["weltstadt.tasks.outbox_send"]
    assert Subscriber.objects.filter(email="leyla@example.org").exists()
    row = OutgoingMail.objects.get(to="leyla@example.org")
    assert row.status == Status.PENDING
    assert mail.outbox == []

    # the broker is back: the sweep finds the row that never reached a worker and sends it once
    monkeypatch.undo()
    celery_app.conf.task_always_eager = True
    settings.OUTBOX_PENDING_GRACE_SECONDS = 0
    OutgoingMail.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(seconds=1))
    with run_on_commit():
        assert outbox_sweep() == 1
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert [m.to for m in mail.outbox] == [["leyla@example.org"]]


def test_every_enqueue_goes_through_the_safe_helper():
    """No module calls .delay/.apply_async itself: every enqueue survives a broker that is down."""
    import re
    from pathlib import Path

    from django.conf import settings

    apps = ["weltstadt", "ambassadors", "offices", "newsletter", "summits", "masterplan"]
    offenders = [
        str(path)
        for app in apps
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
        if path.name != "enqueue.py" and re.search(r"\.(delay|apply_async)\(", path.read_text())
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_sweep_takes_back_a_dead_workers_claim_and_never_resends_what_smtp_accepted(
    run_on_commit, settings
):
    accepted = _row("accepted", "first@example.org")
    unsent = _row("unsent", "second@example.org")
    recent = _row("recent", "third@example.org")
    now = timezone.now()
    # a worker died: it had handed `accepted` to the mail server, not `unsent`
    OutgoingMail.objects.filter(pk__in=[accepted.pk, unsent.pk]).update(
        status=Status.SENDING,
        claim_token="dead-task",
        claimed_at=now - timedelta(seconds=settings.OUTBOX_CLAIM_STALE_SECONDS + 5),
    )
    # another worker is still working on `recent` (its heartbeat is fresh)
    OutgoingMail.objects.filter(pk=recent.pk).update(
        status=Status.SENDING, claim_token="live-task", claimed_at=now - timedelta(seconds=10)
    )
    journal_record(accepted)
    with run_on_commit():
        assert outbox_sweep() == 1
    assert [m.to for m in mail.outbox] == [["second@example.org"]]
    statuses = dict(OutgoingMail.objects.values_list("idempotency_key", "status"))
    assert statuses == {"accepted": Status.SENT, "unsent": Status.SENT, "recent": Status.SENDING}


@pytest.mark.django_db
def test_the_journal_is_keyed_by_the_message_not_by_the_claim():
    """The redelivered task and the sweep use different claims; both must see the acceptance."""
    row = _row("k")
    OutgoingMail.objects.filter(pk=row.pk).update(status=Status.RETRY, claim_token="")
    journal_record(row)
    delivery = outbox_deliver([row.pk], claim_token="a-new-claim")
    assert delivery.sent == [row.pk]
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_delivery_refreshes_its_claim_and_skips_rows_taken_from_it(settings, monkeypatch):
    settings.OUTBOX_HEARTBEAT_SECONDS = 0
    first, second = _row("a", "a@example.org"), _row("b", "b@example.org")
    from weltstadt import outbox

    real_heartbeat = outbox._heartbeat

    def heartbeat_after_the_sweep_took_second(token, mine):
        OutgoingMail.objects.filter(pk=second.pk).update(status=Status.RETRY, claim_token="")
        return real_heartbeat(token, mine)

    monkeypatch.setattr(outbox, "_heartbeat", heartbeat_after_the_sweep_took_second)
    delivery = outbox_deliver([first.pk, second.pk], claim_token="mine")
    assert delivery.sent == [first.pk]
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    first.refresh_from_db()
    assert first.claimed_at is not None


@pytest.mark.django_db
def test_a_send_with_rows_stuck_in_sending_is_stalled_not_done(settings):
    issue = issue_make(languages=["de"])
    job = SendJob.objects.create(
        issue=issue, send_at=timezone.now(), status=SendJob.Status.DONE, total=2
    )
    sent = _row(f"{job.key_prefix}1")
    stuck = _row(f"{job.key_prefix}2")
    OutgoingMail.objects.filter(pk=sent.pk).update(status=Status.SENT)
    OutgoingMail.objects.filter(pk=stuck.pk).update(
        status=Status.SENDING, claimed_at=timezone.now() - timedelta(minutes=5)
    )
    progress = sendjob_progress(job=job)
    assert progress["remaining"] == 1
    assert progress["status"] == "stalled"
    assert progress["status_label"] == "Stalled"

    # claimed a moment ago: still being sent, not done either
    OutgoingMail.objects.filter(pk=stuck.pk).update(claimed_at=timezone.now())
    progress = sendjob_progress(job=job)
    assert progress["status"] == SendJob.Status.SENDING
    assert progress["status_label"] != str(SendJob.Status.DONE.label)


def test_the_visibility_timeout_is_short_and_above_the_task_time_limit(settings):
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < timeout <= 600
