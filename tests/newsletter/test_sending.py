from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.models import Issue, SendJob, Subscriber
from newsletter.selectors import sendjob_progress
from newsletter.services.sending import (
    SendError,
    issue_send,
    issue_send_test,
    sendjob_pause,
    sendjob_resume,
    sendjobs_due,
)
from newsletter.tasks import mail_bulletin_due
from tests.newsletter.factories import issue_make, subscribers_make
from tests.newsletter.smtp_sink import SmtpSink
from weltstadt.models import OutgoingMail


def test_it_sends_each_confirmed_subscriber_their_edition(db, run_on_commit, alice):
    issue = issue_make(languages=["de", "tr", "en"])
    subscribers_make(3, language="tr")
    subscribers_make(2, language="fr", start=10)  # no French edition: the German one
    subscribers_make(2, language="en", start=20, status=Subscriber.Status.PENDING)
    with run_on_commit():
        job = issue_send(issue=issue, by=alice)
    assert len(mail.outbox) == 5
    by_to = {m.to[0]: m for m in mail.outbox}
    turkish = by_to["reader0@example.org"]
    assert "Issue 1 [tr]" in turkish.subject
    assert "Article 0 [tr]" in turkish.body
    assert "<script>" not in turkish.alternatives[0][0]
    assert turkish.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert turkish.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/tr/bulletin/unsubscribe/" in turkish.extra_headers["List-Unsubscribe"]
    assert "reader0" not in turkish.extra_headers["List-Unsubscribe"]  # opaque token
    assert "/tr/bulletin/1/" in turkish.body  # view in browser
    french = by_to["reader10@example.org"]
    assert "Issue 1 [de]" in french.subject  # the note saying so: test_issue_mail.py
    job.refresh_from_db()
    issue.refresh_from_db()
    assert job.status == SendJob.Status.DONE
    assert issue.status == Issue.Status.SENT
    progress = sendjob_progress(job=job)
    assert progress["sent"] == 5
    assert progress["remaining"] == 0
    assert progress["languages"]["de"]["sent"] == 2
    assert progress["languages"]["tr"]["sent"] == 3


def test_it_sends_an_issue_only_once(db, run_on_commit, alice):
    issue = issue_make()
    subscribers_make(2)
    with run_on_commit():
        issue_send(issue=issue, by=alice)
    with pytest.raises(SendError):
        issue_send(issue=issue, by=alice)
    assert OutgoingMail.objects.filter(template="newsletter/issue").count() == 2


def test_an_incomplete_issue_is_not_sent(db, alice):
    issue = issue_make(languages=[])
    with pytest.raises(SendError):
        issue_send(issue=issue, by=alice)
    assert not SendJob.objects.exists()


def test_the_editor_gets_a_test_in_their_language(db, run_on_commit, bob):
    issue = issue_make(languages=["de", "tr"])
    with run_on_commit():
        issue_send_test(issue=issue, by=bob)
    assert len(mail.outbox) == 1
    assert "Issue 1 [tr]" in mail.outbox[0].subject
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def _send_queries(django_db_blocker, run_on_commit, subscriber_count: int, settings) -> int:
    Subscriber.objects.all().delete()
    OutgoingMail.objects.all().delete()
    issue = issue_make(number=subscriber_count, languages=["de"])
    subscribers_make(subscriber_count)
    issue.refresh_from_db()
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries, run_on_commit():
        issue_send(issue=issue, by=None)
    assert len(mail.outbox) == subscriber_count
    return len(queries)


def test_queries_grow_with_batches_not_with_subscribers(db, run_on_commit, settings):
    # (at most 50 rows per batch here: SQLite splits an INSERT of more than 999 values)
    settings.OUTBOX_BATCH_SIZE = 50
    one_batch_few = _send_queries(None, run_on_commit, 2, settings)
    one_batch_many = _send_queries(None, run_on_commit, 50, settings)
    assert one_batch_few == one_batch_many
    settings.OUTBOX_BATCH_SIZE = 20
    one_batch = _send_queries(None, run_on_commit, 20, settings)
    two_batches = _send_queries(None, run_on_commit, 40, settings)
    five_batches = _send_queries(None, run_on_commit, 100, settings)
    per_batch = two_batches - one_batch
    assert per_batch <= 16  # batch rows, claim, mark sent, next batch (with savepoints)
    assert five_batches <= one_batch + 4 * per_batch


def test_pausing_stops_new_batches_and_resuming_finishes(
    db, settings, alice, monkeypatch, run_on_commit
):
    settings.OUTBOX_BATCH_SIZE = 5
    settings.NEWSLETTER_PIPELINE_BATCHES = 1
    issue = issue_make()
    subscribers_make(23)
    job = issue_send(issue=issue, by=alice)
    # The first batch pauses the send, as an editor clicking "pause" mid-send would.
    from newsletter import tasks

    real = tasks.outbox_deliver

    def deliver_and_pause(ids, **kwargs):
        result = real(ids, **kwargs)
        sendjob_pause(job=job, by=alice)
        return result

    monkeypatch.setattr(tasks, "outbox_deliver", deliver_and_pause)
    from newsletter.services.sending import sendjob_start

    with run_on_commit():
        sendjob_start(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == SendJob.Status.PAUSED
    sent = OutgoingMail.objects.filter(status="sent").count()
    assert sent == 5
    assert len(mail.outbox) == 5
    monkeypatch.setattr(tasks, "outbox_deliver", real)
    with run_on_commit():
        assert sendjob_resume(job=job, by=alice)
    job.refresh_from_db()
    assert job.status == SendJob.Status.DONE
    assert len(mail.outbox) == 23
    assert len({m.to[0] for m in mail.outbox}) == 23


def test_a_scheduled_issue_is_sent_by_the_beat_task_when_due(db, run_on_commit, alice):
    from django_celery_beat.models import PeriodicTask

    assert PeriodicTask.objects.filter(task="newsletter.tasks.mail_bulletin_due").exists()
    issue = issue_make()
    subscribers_make(3)
    job = issue_send(issue=issue, by=alice, send_at=timezone.now() + timedelta(hours=1))
    with run_on_commit():
        assert mail_bulletin_due() == 0
    assert not mail.outbox
    SendJob.objects.filter(pk=job.pk).update(send_at=timezone.now() - timedelta(seconds=1))
    with run_on_commit():
        assert sendjobs_due() == 1
    assert len(mail.outbox) == 3


def test_published_issue_appears_in_the_archive_and_feed(client, db, run_on_commit, alice):
    issue = issue_make(number=7, languages=["de", "en"])
    assert client.get("/en/bulletin/7/").status_code == 404  # a draft is not public
    subscribers_make(1)
    with run_on_commit():
        issue_send(issue=issue, by=alice)
    page = client.get("/en/bulletin/").content.decode()
    assert "Issue 7 [en]" in page
    article = issue.articles.first()
    detail = client.get(f"/en/bulletin/7/{article.pk}/").content.decode()
    assert "Article 0 [en]" in detail
    assert "<script>" not in detail
    feed = client.get("/en/bulletin/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"Issue 7 [en]" in feed.content
    assert client.get("/de/bulletin/7/999999/").status_code == 404
    home = client.get("/en/").content.decode()
    assert "Article 0 [en]" in home


def test_all_batches_go_over_the_one_smtp_connection_the_process_keeps(
    db, settings, run_on_commit, monkeypatch
):
    from weltstadt import mail_personal
    from weltstadt.mail_connection import mail_connection_close

    settings.OUTBOX_BATCH_SIZE = 10
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    renders = []
    render = mail_personal.mail_render
    monkeypatch.setattr(
        mail_personal, "mail_render", lambda *a, **kw: renders.append(a) or render(*a, **kw)
    )
    issue = issue_make(languages=["de", "tr"])
    subscribers = [
        *subscribers_make(15, language="tr"),
        *subscribers_make(15, language="fr", start=100),
    ]
    with SmtpSink(keep=True) as sink:
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        with run_on_commit():
            issue_send(issue=issue, by=None)
        mail_connection_close()
    assert sink.messages == 30
    assert len(sink.recipients) == 30
    assert len(sink.connections) == 1
    # each edition is rendered once per batch (and once more to check its first message), not
    # once per reader: 3 batches, each with at most the two editions
    assert len(renders) <= 3 * 2 * 2
    _assert_each_mail_has_its_readers_own_links(sink, subscribers, issue)


def _assert_each_mail_has_its_readers_own_links(sink, subscribers, issue):
    import email
    from email import policy

    from newsletter.tokens import link_token_read

    tokens = {s.email: s.token.hex for s in subscribers}
    for content in sink.contents:
        message = email.message_from_bytes(content, policy=policy.default)
        to = message["To"]
        unsubscribe = str(message["List-Unsubscribe"]).strip().strip("<>")
        token = unsubscribe.rstrip("/").rsplit("/", 1)[-1]
        assert link_token_read(token) == (tokens[to], issue.pk)
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert unsubscribe in text
        assert unsubscribe in html
        assert message["Message-ID"]
    assert len({email.message_from_bytes(c)["Message-ID"] for c in sink.contents}) == 30


def test_the_editor_tests_any_edition_to_any_addresses(db, run_on_commit, bob):
    issue = issue_make(languages=["de", "tr", "fr"])
    with run_on_commit():
        issue_send_test(
            issue=issue,
            by=bob,
            language="fr",
            addresses=["Ana@example.org", "jo@example.org", "ana@example.org"],
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "jo@example.org"]
    assert all("Issue 1 [fr]" in m.subject for m in mail.outbox)
    with pytest.raises(SendError):  # an incomplete edition cannot be tested
        issue_send_test(issue=issue, by=bob, language="es", addresses=["jo@example.org"])
    with pytest.raises(SendError):
        issue_send_test(issue=issue, by=bob, language="fr", addresses=[])
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_a_scheduled_send_can_be_moved_and_cancelled_then_scheduled_again(db, run_on_commit, alice):
    from newsletter.services.sending import sendjob_cancel, sendjob_reschedule

    issue = issue_make()
    subscribers_make(2)
    job = issue_send(issue=issue, by=alice, send_at=timezone.now() + timedelta(hours=1))
    later = timezone.now() + timedelta(days=2)
    assert sendjob_reschedule(job=job, send_at=later, by=alice)
    job.refresh_from_db()
    assert job.send_at == later
    with pytest.raises(SendError):
        sendjob_reschedule(job=job, send_at=timezone.now() - timedelta(minutes=1), by=alice)
    assert sendjob_cancel(job=job, by=alice)
    job.refresh_from_db()
    issue.refresh_from_db()
    assert job.status == SendJob.Status.CANCELLED
    assert job.cancelled_by == alice
    assert issue.status == Issue.Status.DRAFT
    SendJob.objects.filter(pk=job.pk).update(send_at=timezone.now() - timedelta(seconds=1))
    with run_on_commit():
        assert sendjobs_due() == 0  # a cancelled send never goes out
    assert not mail.outbox
    assert not sendjob_cancel(job=job, by=alice)
    with run_on_commit():
        again = issue_send(issue=issue, by=alice)
    assert again.pk == job.pk
    assert len(mail.outbox) == 2
    assert not sendjob_reschedule(job=again, send_at=later, by=alice)  # sent: nothing to move
