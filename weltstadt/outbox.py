"""The outbox: every mail the portal sends is first an `OutgoingMail` row.

Guarantees:
- `mail_enqueue` with a key that exists already returns the existing row and sends nothing new;
- a row is claimed by one delivery at a time (conditional update), so two workers never send it
  both;
- a message the mail server accepted is never sent again, whatever dies when: each acceptance is
  recorded in the journal (weltstadt.outbox_journal) under the message itself, and every delivery
  and the sweep consult it, so a crash repeats at most the message in flight;
- a delivery refreshes its claim while it works (heartbeat); a claim not refreshed for
  OUTBOX_CLAIM_STALE_SECONDS is taken back by the sweep (every minute), whatever the broker's
  visibility timeout, so no row stays "sending" after its worker died;
- a failing row is retried with exponential backoff, then left FAILED with its error, for staff to
  retry from the admin;
- a mail server that refuses service stops the batch at its first refusal: the rows wait, without
  using up their attempts, and all deliveries back off together (weltstadt.mail_connection), so
  an outage causes no storm of connections and loses nothing;
- a broker that is down loses nothing: the rows wait as PENDING and the sweep hands them over;
- database queries per delivery grow with the number of batches, not of messages; each group of
  like messages (a bulletin edition) is rendered once per batch and personalised per recipient
  (weltstadt.mail_personal), over a connection the worker process keeps between batches.
"""

import logging
import math
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from weltstadt.enqueue import enqueue_on_commit
from weltstadt.mail import mail_build, mail_render
from weltstadt.mail_connection import (
    ServerUnavailable,
    backoff_failed,
    mail_connection,
    mail_connection_release,
    server_refused,
)
from weltstadt.mail_personal import (
    Group,
    group_for,
    message_bytes,
    personalised,
    personalised_headers,
)
from weltstadt.models import OutgoingMail, User
from weltstadt.outbox_journal import JournalWriter, journal_sent_ids
from weltstadt.private_storage import private_storage

logger = logging.getLogger(__name__)
Status = OutgoingMail.Status


def mail_enqueue(
    *,
    key: str,
    to: str,
    template: str,
    language: str,
    context: dict | None = None,
    user: User | None = None,
    attachments: list[dict] | None = None,
    headers: dict | None = None,
    send: bool = True,
) -> OutgoingMail:
    """Write one mail to the outbox and send it once the surrounding transaction commits.

    `attachments` are dicts with `path` (in private storage), `filename` and `mimetype`.
    With `send=False` the caller enqueues delivery itself (bulk mail in batches).
    """
    mail, created = OutgoingMail.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "to": to,
            "user": user,
            "language": language,
            "template": template,
            "context": context or {},
            "attachments": attachments or [],
            "headers": headers or {},
        },
    )
    if created and send:
        outbox_schedule([mail.pk])
    return mail


def mail_enqueue_for_user(user: User, *, key: str, template: str, **kwargs) -> OutgoingMail:
    """Mail a user in their preferred language."""
    return mail_enqueue(
        key=key,
        to=user.email,
        user=user,
        template=template,
        language=user.preferred_language,
        **kwargs,
    )


def outbox_schedule(mail_ids: list[int], *, countdown: int | None = None) -> None:
    """Hand rows to the mail queue after the current transaction commits."""
    from weltstadt.tasks import outbox_send

    options = {"countdown": countdown} if countdown else {}
    enqueue_on_commit(outbox_send, list(mail_ids), **options)


@dataclass
class Delivery:
    sent: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retry_delay: int = 0
    server_down: bool = False  # the mail server refused: the rows wait for its backoff


def _backoff(attempts: int) -> int:
    base = getattr(settings, "OUTBOX_RETRY_BASE_SECONDS", 60)
    return min(base * 2 ** max(attempts - 1, 0), 6 * 3600)


def _claim(mail_ids: list[int], token: str) -> list[OutgoingMail]:
    now = timezone.now()
    OutgoingMail.objects.filter(pk__in=mail_ids).filter(
        Q(status__in=[Status.PENDING, Status.RETRY]) | Q(status=Status.SENDING, claim_token=token)
    ).update(status=Status.SENDING, claim_token=token, claimed_at=now)
    return list(
        OutgoingMail.objects.filter(pk__in=mail_ids, status=Status.SENDING, claim_token=token)
    )


def _attachments(mail: OutgoingMail) -> list[tuple[str, bytes, str]]:
    files = []
    for item in mail.attachments:
        with private_storage.open(item["path"], "rb") as handle:
            files.append((item["filename"], handle.read(), item["mimetype"]))
    return files


def _heartbeat(token: str, mine: set[int]) -> set[int]:
    """Refresh the claim on the rows this delivery still holds; returns those it still holds
    (the sweep takes back a claim that went stale, and then another delivery sends the row)."""
    rows = OutgoingMail.objects.filter(pk__in=mine, status=Status.SENDING, claim_token=token)
    rows.update(claimed_at=timezone.now())
    return set(rows.values_list("pk", flat=True))


class _Sender:
    """Sends rows over one connection, each group of like rows rendered once
    (weltstadt.mail_personal)."""

    def __init__(self, connection):
        self.connection = connection
        self.groups: dict[tuple, Group] = {}
        self.smtp = isinstance(connection, SMTPBackend)
        self.envelope_from = sanitize_address(settings.DEFAULT_FROM_EMAIL, settings.DEFAULT_CHARSET)

    def send(self, mail: OutgoingMail) -> None:
        group, values = group_for(mail, self.groups)
        if self.smtp and not mail.attachments:
            content = message_bytes(group, mail, values)
            if content is not None:
                self.connection.connection.sendmail(self.envelope_from, [mail.to], content)
                return
        rendered = personalised(group, values)
        headers = personalised_headers(group, values)
        if rendered is None:
            rendered = mail_render(mail.template, language=mail.language, context=mail.context)
            headers = mail.headers
        mail_build(
            rendered,
            to=mail.to,
            language=mail.language,
            headers=headers,
            attachments=_attachments(mail),
            connection=self.connection,
        ).send()

    def reset(self) -> None:
        """A session in an unknown state must not carry the next message."""
        self.connection.close()
        self.connection.open()


def outbox_deliver(mail_ids: list[int], *, claim_token: str | None = None) -> Delivery:
    """Send the given rows over one connection; see the module docstring for the guarantees."""
    token = claim_token or uuid.uuid4().hex
    mails = _claim(mail_ids, token)
    delivery = Delivery()
    if not mails:
        return delivery
    already_sent = journal_sent_ids(mails)
    mine = {mail.pk for mail in mails}
    delivery.sent = [mail.pk for mail in mails if mail.pk in already_sent]
    todo = [mail for mail in mails if mail.pk not in already_sent]
    errors: dict[int, str] = {}
    down: ServerUnavailable | None = None
    if todo:
        try:
            connection = mail_connection()
        except ServerUnavailable as exc:
            down = exc
        except Exception as exc:  # refused login, bad settings: the messages' own attempts count
            logger.warning("outbox: cannot open the mail connection: %s", exc)
            errors = {mail.pk: f"{type(exc).__name__}: {exc}"[:2000] for mail in todo}
        else:
            with JournalWriter() as journal:
                down = _send_all(todo, _Sender(connection), journal, token, mine, delivery, errors)
            mail_connection_release(connection, broken=down is not None)
    _record(mails, token, delivery, errors, down)
    return delivery


def _send_all(
    todo, sender: _Sender, journal: JournalWriter, token, mine, delivery, errors
) -> ServerUnavailable | None:
    heartbeat_every = settings.OUTBOX_HEARTBEAT_SECONDS
    last_beat = time.monotonic()
    for mail in todo:
        if time.monotonic() - last_beat >= heartbeat_every:
            mine = _heartbeat(token, mine)
            last_beat = time.monotonic()
        if mail.pk not in mine:
            continue  # taken back by the sweep: another delivery answers for it now
        try:
            sender.send(mail)
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"[:2000]
            if server_refused(exc):
                # every message would fail now: stop, and let them all wait for the server
                logger.warning("outbox: the mail server refuses: %s", reason)
                return backoff_failed(reason)
            logger.warning("outbox: mail %s failed: %s", mail.pk, reason)
            errors[mail.pk] = reason
            try:
                sender.reset()
            except Exception as reset_exc:
                return backoff_failed(f"{type(reset_exc).__name__}: {reset_exc}"[:2000])
            continue
        journal.record(mail)
        delivery.sent.append(mail.pk)
    return None


def _record(mails, token: str, delivery: Delivery, errors: dict, down) -> None:
    now = timezone.now()
    with transaction.atomic():
        if delivery.sent:
            OutgoingMail.objects.filter(pk__in=delivery.sent).update(
                status=Status.SENT,
                sent_at=now,
                attempts=F("attempts") + 1,
                last_error="",
                claim_token="",
            )
        for mail in mails:
            if mail.pk not in errors:
                continue
            attempts = mail.attempts + 1
            gives_up = attempts >= settings.OUTBOX_MAX_ATTEMPTS
            delay = _backoff(attempts)
            OutgoingMail.objects.filter(pk=mail.pk, claim_token=token).update(
                status=Status.FAILED if gives_up else Status.RETRY,
                attempts=attempts,
                last_error=errors[mail.pk],
                next_attempt_at=None if gives_up else now + timedelta(seconds=delay),
                claim_token="",
            )
            if gives_up:
                delivery.failed.append(mail.pk)
            else:
                delivery.retry.append(mail.pk)
                delivery.retry_delay = max(delivery.retry_delay, delay)
        if down is None:
            return
        # The server's refusal is no fault of these messages: they wait, without using up
        # their attempts, until the server takes mail again.
        waiting = [m.pk for m in mails if m.pk not in errors and m.pk not in delivery.sent]
        OutgoingMail.objects.filter(pk__in=waiting, claim_token=token).update(
            status=Status.RETRY,
            last_error=f"mail server unavailable: {down}"[:2000],
            next_attempt_at=now + timedelta(seconds=down.delay),
            claim_token="",
        )
        delivery.retry.extend(waiting)
        delivery.retry_delay = max(delivery.retry_delay, math.ceil(down.delay))
        delivery.server_down = True


def outbox_retry(mail_ids: list[int]) -> int:
    """Staff retry: failed rows start again from zero attempts. Returns how many were reset."""
    ids = list(
        OutgoingMail.objects.filter(
            pk__in=mail_ids, status__in=[Status.FAILED, Status.RETRY]
        ).values_list("pk", flat=True)
    )
    count = OutgoingMail.objects.filter(pk__in=ids).update(
        status=Status.PENDING, attempts=0, next_attempt_at=None, last_error=""
    )
    if ids:
        outbox_schedule(ids)
    return count


def outbox_stuck_q(now=None) -> Q:
    """Rows that no delivery is working on although they are not sent: a claim gone stale (its
    worker died) or a row whose task never reached a worker. The sweep hands these over again;
    progress displays call them "stalled", never "done"."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.OUTBOX_CLAIM_STALE_SECONDS)
    grace = now - timedelta(seconds=settings.OUTBOX_PENDING_GRACE_SECONDS)
    return Q(status=Status.SENDING, claimed_at__lt=stale) | Q(
        status=Status.PENDING, created_at__lt=grace
    )


def outbox_sweep(*, stale_after: timedelta | None = None) -> int:
    """Re-enqueue what fell through: retries that are due, rows whose task was lost (a broker
    that was down, a task message lost with its worker), and rows whose claim went stale after
    their worker died. Rows the journal says a mail server accepted are marked sent, never sent
    again. Run every minute by celery beat; returns how many rows it handed over."""
    now = timezone.now()
    if stale_after is None:
        stale_after = timedelta(seconds=settings.OUTBOX_CLAIM_STALE_SECONDS)
    stale = list(
        OutgoingMail.objects.filter(status=Status.SENDING, claimed_at__lt=now - stale_after)[:5000]
    )
    if stale:
        accepted = journal_sent_ids(stale)
        if accepted:
            OutgoingMail.objects.filter(pk__in=accepted, status=Status.SENDING).update(
                status=Status.SENT, sent_at=now, claim_token="", last_error=""
            )
        OutgoingMail.objects.filter(
            pk__in=[mail.pk for mail in stale if mail.pk not in accepted],
            status=Status.SENDING,
            claimed_at__lt=now - stale_after,
        ).update(status=Status.RETRY, claim_token="", next_attempt_at=now)
        logger.warning(
            "outbox: took back %d stale claims (%d already accepted by the mail server)",
            len(stale),
            len(accepted),
        )
    grace = timedelta(seconds=settings.OUTBOX_PENDING_GRACE_SECONDS)
    due = list(
        OutgoingMail.objects.filter(
            Q(status=Status.RETRY, next_attempt_at__lte=now)
            | Q(status=Status.PENDING, created_at__lt=now - grace)
        ).values_list("pk", flat=True)[:5000]
    )
    batch = settings.OUTBOX_BATCH_SIZE
    for start in range(0, len(due), batch):
        outbox_schedule(due[start : start + batch])
    return len(due)
