"""Sending an issue: a test to the editor, then to every confirmed subscriber through the outbox.

A send is a SendJob that walks the confirmed subscribers in id order. It keeps a small pipeline
of batches in flight (NEWSLETTER_PIPELINE_BATCHES); each finished batch asks for the next one,
so pausing stops new batches at once and resuming continues from the cursor. Each batch writes
one outbox row per subscriber (key `bulletin:<issue>:<subscriber>`, unique: a subscriber can never
get a second row for an issue) and hands the rows to one outbox delivery, over one SMTP connection.
Database queries per batch are constant, whatever the batch size.
"""

import threading
import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from newsletter.editions import edition_complete_languages, edition_for, edition_map
from newsletter.models import Issue, SendJob, Subscriber
from newsletter.tokens import link_token
from search.services import reindex_on_commit
from weltstadt.enqueue import enqueue_on_commit
from weltstadt.models import OutgoingMail, User
from weltstadt.outbox import mail_enqueue

Status = SendJob.Status
ISSUE_TEMPLATE = "newsletter/issue"


class SendError(Exception):
    """A send that cannot start, with a message for the editor."""


def _pipeline() -> int:
    return getattr(settings, "NEWSLETTER_PIPELINE_BATCHES", 4)


def issue_complete_languages(issue: Issue) -> list[str]:
    return edition_complete_languages(issue, list(issue.articles.all()))


TEST_ADDRESSES_MAX = 10


def issue_send_test(
    *, issue: Issue, by: User, language: str | None = None, addresses: list[str] | None = None
) -> list[OutgoingMail]:
    """Mail one edition of the issue, marked as a test, to the given addresses (default: the
    editor, in the edition their language gets). Any complete edition can be tested."""
    complete = issue_complete_languages(issue)
    if language is None:
        edition = edition_for(by.preferred_language, complete)
        wanted = by.preferred_language
    else:
        edition = wanted = language
    if edition is None:
        raise SendError(_("No edition of this issue is complete yet."))
    if edition not in complete:
        raise SendError(_("This edition is not complete yet."))
    if addresses is None:
        addresses = [by.email]
    addresses = list(dict.fromkeys(a.strip().lower() for a in addresses if a.strip()))
    if not addresses or len(addresses) > TEST_ADDRESSES_MAX:
        raise SendError(_("Enter between 1 and %(max)s addresses.") % {"max": TEST_ADDRESSES_MAX})
    run = uuid.uuid4().hex
    return [
        mail_enqueue(
            key=f"bulletin-test:{issue.pk}:{run}:{n}",
            to=address,
            user=by if address == by.email.lower() else None,
            template=ISSUE_TEMPLATE,
            language=edition,
            context={
                "issue": issue.pk,
                "v": issue.version,
                "w": wanted if edition != wanted else "",
                "test": True,
            },
        )
        for n, address in enumerate(addresses)
    ]


@transaction.atomic
def issue_send(*, issue: Issue, by: User | None, send_at: datetime | None = None) -> SendJob:
    """Send the issue now, or at `send_at` (celery beat picks it up).

    Guarantees: only a draft with at least one complete edition is sent, and only once; readers
    whose language is incomplete get the fallback edition. A cancelled schedule can be replaced
    by a new one (the job is reused: one job per issue).
    """
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    job = SendJob.objects.filter(issue=issue).first()
    if issue.status != Issue.Status.DRAFT or (job and job.status != Status.CANCELLED):
        raise SendError(_("This issue has already been sent or scheduled."))
    if not issue_complete_languages(issue):
        raise SendError(_("No edition of this issue is complete yet."))
    now = timezone.now()
    if job is None:
        job = SendJob.objects.create(issue=issue, send_at=send_at or now, created_by=by)
    else:
        job.status = Status.SCHEDULED
        job.send_at = send_at or now
        job.created_by = by
        job.cancelled_by = job.cancelled_at = None
        job.save(update_fields=["status", "send_at", "created_by", "cancelled_by", "cancelled_at"])
    issue.status = Issue.Status.SCHEDULED
    issue.save(update_fields=["status", "updated_at"])
    if job.send_at <= now:
        from newsletter.tasks import mail_bulletin_start

        enqueue_on_commit(mail_bulletin_start, job.pk)
    return job


@transaction.atomic
def sendjob_cancel(*, job: SendJob, by: User | None) -> bool:
    """SCHEDULED → CANCELLED, and the issue is a draft again; False once sending has begun."""
    updated = SendJob.objects.filter(pk=job.pk, status=Status.SCHEDULED).update(
        status=Status.CANCELLED, cancelled_by=by, cancelled_at=timezone.now()
    )
    if updated:
        Issue.objects.filter(pk=job.issue_id, status=Issue.Status.SCHEDULED).update(
            status=Issue.Status.DRAFT
        )
    return bool(updated)


@transaction.atomic
def sendjob_reschedule(*, job: SendJob, send_at: datetime, by: User | None) -> bool:
    """Move a scheduled send to another time in the future; False once sending has begun."""
    if send_at <= timezone.now():
        raise SendError(_("Choose a time in the future."))
    updated = SendJob.objects.filter(pk=job.pk, status=Status.SCHEDULED).update(
        send_at=send_at, created_by=by
    )
    return bool(updated)


def sendjob_start(*, job_id: int) -> bool:
    """SCHEDULED → SENDING, then fill the pipeline. False if the job was not scheduled."""
    with transaction.atomic():
        job = SendJob.objects.select_for_update().select_related("issue").get(pk=job_id)
        if job.status != Status.SCHEDULED:
            return False
        now = timezone.now()
        job.status = Status.SENDING
        job.started_at = now
        job.total = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count()
        job.save(update_fields=["status", "started_at", "total"])
        Issue.objects.filter(pk=job.issue_id).update(status=Issue.Status.SENDING, published_at=now)
        # published now: its articles become public, and findable
        reindex_on_commit(job.issue)
    sendjob_pump(job_id=job_id, batches=_pipeline())
    return True


@transaction.atomic
def sendjob_pause(*, job: SendJob, by: User | None) -> bool:
    """SENDING → PAUSED: batches already handed over finish, no new one starts."""
    updated = SendJob.objects.filter(pk=job.pk, status=Status.SENDING).update(
        status=Status.PAUSED, paused_by=by, paused_at=timezone.now()
    )
    return bool(updated)


def sendjob_resume(*, job: SendJob, by: User | None) -> bool:
    """PAUSED → SENDING, continuing from the cursor."""
    updated = SendJob.objects.filter(pk=job.pk, status=Status.PAUSED).update(
        status=Status.SENDING, paused_by=None, paused_at=None
    )
    if updated:
        sendjob_pump(job_id=job.pk, batches=_pipeline())
    return bool(updated)


_pump = threading.local()


def sendjob_pump(*, job_id: int, batches: int) -> int:
    """Hand up to `batches` more batches to the outbox; returns how many were handed over.

    With eager tasks (no broker) a batch is sent inside this call and asks for the next one;
    that request is folded into this loop instead of nesting ever deeper.
    """
    if getattr(_pump, "active", False):
        _pump.requested += batches
        return 0
    _pump.active, _pump.requested = True, batches
    handed = 0
    try:
        while _pump.requested > 0:
            _pump.requested -= 1
            if not _sendjob_next_batch(job_id):
                break
            handed += 1
    finally:
        _pump.active = False
    return handed


class _Links:
    """The recipient's unsubscribe and preferences paths, reversed once per language."""

    PLACEHOLDER = "TOKEN"

    def __init__(self):
        self.paths: dict[tuple[str, str], str] = {}

    def path(self, name: str, language: str, token: str) -> str:
        if (name, language) not in self.paths:
            with translation.override(language):
                self.paths[(name, language)] = reverse(
                    f"newsletter:{name}", kwargs={"token": self.PLACEHOLDER}
                )
        return self.paths[(name, language)].replace(self.PLACEHOLDER, token)


def _headers(unsubscribe_path: str) -> dict:
    return {
        "List-Unsubscribe": f"<{settings.SITE_URL}{unsubscribe_path}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": "Izmir Bulletin <bulletin.weltstadt-izmir.org>",
    }


def _sendjob_next_batch(job_id: int) -> bool:
    from newsletter.tasks import mail_bulletin_batch

    with transaction.atomic():
        job = SendJob.objects.select_for_update().select_related("issue").get(pk=job_id)
        if job.status != Status.SENDING:
            return False
        issue = job.issue
        subscribers = list(
            Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, pk__gt=job.cursor)
            .order_by("pk")
            .values_list("pk", "email", "language", "token")[: settings.OUTBOX_BATCH_SIZE]
        )
        if not subscribers:
            job.status = Status.DONE
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "finished_at"])
            Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT)
            return False
        editions = _job_editions(job)
        rows = []
        links = _Links()
        for pk, email, language, token in subscribers:
            edition = editions.get(language) or next(iter(editions.values()))
            link = link_token(token.hex, issue.pk)
            unsubscribe = links.path("unsubscribe", language, link)
            rows.append(
                OutgoingMail(
                    idempotency_key=f"{job.key_prefix}{pk}",
                    to=email,
                    language=edition,
                    template=ISSUE_TEMPLATE,
                    context={
                        "issue": issue.pk,
                        "v": issue.version,
                        "u": unsubscribe,
                        "p": links.path("preferences", language, link),
                        "w": language if edition != language else "",
                    },
                    headers=_headers(unsubscribe),
                )
            )
        OutgoingMail.objects.bulk_create(rows, ignore_conflicts=True)
        mail_ids = list(
            OutgoingMail.objects.filter(
                idempotency_key__in=[row.idempotency_key for row in rows],
                status=OutgoingMail.Status.PENDING,
            ).values_list("pk", flat=True)
        )
        job.cursor = subscribers[-1][0]
        job.save(update_fields=["cursor"])
        enqueue_on_commit(mail_bulletin_batch, job_id, mail_ids)
    return True


def _job_editions(job: SendJob) -> dict[str, str]:
    # Cached on the pump's thread for the job: the completeness check reads every article.
    cache = getattr(_pump, "editions", None)
    if cache is None or cache[0] != (job.pk, job.issue_id, job.issue.version):
        cache = (
            (job.pk, job.issue_id, job.issue.version),
            edition_map(issue_complete_languages(job.issue)),
        )
        _pump.editions = cache
    return cache[1]


def sendjobs_due() -> int:
    """Start the scheduled sends that are due and revive sends whose pipeline ran dry
    (a batch task lost with its worker). Run every minute by celery beat."""
    now = timezone.now()
    started = 0
    for job_id in SendJob.objects.filter(status=Status.SCHEDULED, send_at__lte=now).values_list(
        "pk", flat=True
    ):
        started += sendjob_start(job_id=job_id)
    for job in SendJob.objects.filter(status=Status.SENDING):
        in_flight = OutgoingMail.objects.filter(
            Q(status=OutgoingMail.Status.PENDING) | Q(status=OutgoingMail.Status.SENDING),
            idempotency_key__startswith=job.key_prefix,
        ).exists()
        if not in_flight:
            sendjob_pump(job_id=job.pk, batches=_pipeline())
    return started
