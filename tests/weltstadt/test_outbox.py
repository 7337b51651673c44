import uuid

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.newsletter.smtp_sink import SmtpSink
from weltstadt.models import OutgoingMail
from weltstadt.outbox import mail_enqueue, outbox_deliver, outbox_retry, outbox_sweep

Status = OutgoingMail.Status


def _enqueue(key="k1", to="alice@example.org", language="de", **kwargs):
    return mail_enqueue(
        key=key,
        to=to,
        template="weltstadt/test_message",
        language=language,
        context={"sender": "Staff"},
        **kwargs,
    )


@pytest.mark.django_db
def test_the_same_idempotency_key_twice_sends_one_mail(run_on_commit):
    with run_on_commit():
        first = _enqueue()
    with run_on_commit():
        second = _enqueue()
    assert first.pk == second.pk
    assert OutgoingMail.objects.count() == 1
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert first.status == Status.SENT
    assert first.sent_at is not None


@pytest.mark.django_db
def test_mail_is_rendered_in_the_recipients_language_not_the_requests(run_on_commit, settings):
    from django.utils import translation

    with translation.override("de"), run_on_commit():
        _enqueue(key="tr", language="tr")
    message = mail.outbox[0]
    assert message.subject  # rendered
    html = message.alternatives[0][0]
    assert '<html lang="tr">' in html


@pytest.mark.django_db
def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _enqueue()
    assert len(callbacks) == 1
    assert mail.outbox == []
    assert OutgoingMail.objects.get().status == Status.PENDING


@pytest.mark.django_db
def test_a_refused_recipient_leaves_the_row_failed_after_bounded_retries(run_on_commit, settings):
    # (a server that refuses service altogether is not the message's fault: test_smtp_outage.py)
    with SmtpSink() as sink:
        sink.refused_recipients = {"alice@example.org"}
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_TIMEOUT = 2
        settings.OUTBOX_MAX_ATTEMPTS = 3
        with run_on_commit():
            row = _enqueue()
        row.refresh_from_db()
        assert row.status == Status.FAILED
        assert row.attempts == 3
        assert "550" in row.last_error
        assert "SMTPRecipientsRefused" in row.last_error
        assert sink.messages == 0

    # staff retry from the admin once the address is fixed
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with run_on_commit():
        assert outbox_retry([row.pk]) == 1
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_admin_retry_action_sends_a_failed_mail(staff_client, run_on_commit):
    row = _enqueue(send=False)
    OutgoingMail.objects.filter(pk=row.pk).update(
        status=Status.FAILED, attempts=5, last_error="SMTPRecipientsRefused"
    )
    with run_on_commit():
        response = staff_client.post(
            "/admin/weltstadt/outgoingmail/",
            {"action": "retry", "_selected_action": [row.pk]},
            follow=True,
        )
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_row_claimed_by_another_delivery_is_not_sent_again():
    row = _enqueue(send=False)
    OutgoingMail.objects.filter(pk=row.pk).update(status=Status.SENDING, claim_token="other")
    delivery = outbox_deliver([row.pk], claim_token="mine")
    assert delivery.sent == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_redelivered_task_skips_what_its_journal_says_was_sent():
    first = _enqueue(key="a", send=False)
    second = _enqueue(key="b", to="bob@example.org", send=False)
    from weltstadt.outbox_journal import journal_record

    # the worker died after handing `first` to the server, before recording the batch
    OutgoingMail.objects.filter(pk__in=[first.pk, second.pk]).update(
        status=Status.SENDING, claim_token="task-1"
    )
    token = uuid.uuid4().hex
    OutgoingMail.objects.filter(pk__in=[first.pk, second.pk]).update(claim_token=token)
    journal_record(first)
    delivery = outbox_deliver([first.pk, second.pk], claim_token=token)
    assert sorted(delivery.sent) == sorted([first.pk, second.pk])
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {Status.SENT}


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 60])
def test_delivery_queries_do_not_grow_with_the_number_of_messages(count):
    ids = [_enqueue(key=f"k{i}", to=f"p{i}@example.org", send=False).pk for i in range(count)]
    with CaptureQueriesContext(connection) as queries:
        delivery = outbox_deliver(ids)
    assert len(delivery.sent) == count
    assert len(queries) <= 6


@pytest.mark.django_db
def test_sweep_requeues_stale_and_due_rows(run_on_commit):
    from datetime import timedelta

    from django.utils import timezone

    row = _enqueue(send=False)
    OutgoingMail.objects.filter(pk=row.pk).update(
        status=Status.SENDING,
        claim_token="dead-worker",
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    with run_on_commit():
        assert outbox_sweep() == 1
    row.refresh_from_db()
    assert row.status == Status.SENT


@pytest.mark.django_db
def test_attachments_come_from_private_storage(run_on_commit):
    from django.core.files.base import ContentFile

    from weltstadt.private_storage import private_storage

    path = private_storage.save("certificates/test.pdf", ContentFile(b"%PDF-1.7 test"))
    with run_on_commit():
        _enqueue(attachments=[{"path": path, "filename": "c.pdf", "mimetype": "application/pdf"}])
    assert mail.outbox[0].attachments[0] == ("c.pdf", b"%PDF-1.7 test", "application/pdf")
