"""Reads for the bulletin's pages: each a fixed number of queries, whatever the number of rows."""

from datetime import timedelta

from django.conf import settings
from django.db.models import BooleanField, Case, Count, Prefetch, QuerySet, When
from django.utils import timezone
from django.utils.translation import pgettext

from newsletter.editions import edition_complete_languages, edition_map
from newsletter.models import Article, Issue, SendJob, Subscriber, SubscriberEvent
from weltstadt.models import OutgoingMail
from weltstadt.outbox import outbox_stuck_q

PUBLISHED = [Issue.Status.SENDING, Issue.Status.SENT]


def issues_published() -> QuerySet[Issue]:
    return Issue.objects.filter(status__in=PUBLISHED, published_at__isnull=False).annotate(
        article_count=Count("articles")
    )


def issue_published_get(*, number: int, with_articles: bool = True) -> Issue | None:
    """A published issue; `with_articles`: its articles in order too (one query more)."""
    issues = Issue.objects.filter(status__in=PUBLISHED, number=number)
    if with_articles:
        articles = Article.objects.order_by("position", "pk")
        issues = issues.prefetch_related(Prefetch("articles", queryset=articles))
    return issues.first()


def articles_latest(*, count: int = 3) -> list[Article]:
    """The latest articles of the published issues, for the home page (one query)."""
    return list(
        Article.objects.filter(issue__status__in=PUBLISHED)
        .select_related("issue")
        .order_by("-issue__number", "position", "pk")[:count]
    )


def subscriber_by_token(token: str) -> Subscriber | None:
    return Subscriber.objects.filter(token=token).first()


def _reader_language(row: dict) -> str:
    # A reader whose language had no complete edition got the fallback one; the mail's context
    # keeps the language they asked for ("w"), and the statistics count them under it.
    return row["context__w"] or row["language"]


def issue_statistics(*, issue: Issue) -> list[dict]:
    """Sent, failed, bounced and unsubscribed per reader language for one issue (two queries)."""
    rows: dict[str, dict] = {}

    def entry(language: str) -> dict:
        return rows.setdefault(
            language,
            {"language": language, "sent": 0, "failed": 0, "bounced": 0, "unsubscribed": 0},
        )

    mails = (
        OutgoingMail.objects.filter(idempotency_key__startswith=f"bulletin:{issue.pk}:")
        .filter(status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED])
        .values("language", "context__w", "status")
        .annotate(n=Count("pk"))
    )
    for row in mails:
        key = "sent" if row["status"] == OutgoingMail.Status.SENT else "failed"
        entry(_reader_language(row))[key] += row["n"]
    # People, not events: three soft bounces from one address are one bounced reader.
    Kind = SubscriberEvent.Kind
    bounces = [Kind.HARD_BOUNCE, Kind.SOFT_BOUNCE, Kind.COMPLAINT]
    events = (
        SubscriberEvent.objects.filter(issue=issue, kind__in=[*bounces, Kind.UNSUBSCRIBED])
        .annotate(
            bounced=Case(
                When(kind__in=bounces, then=True), default=False, output_field=BooleanField()
            )
        )
        .values("language", "bounced")
        .annotate(n=Count("subscriber", distinct=True))
    )
    for row in events:
        entry(row["language"])["bounced" if row["bounced"] else "unsubscribed"] += row["n"]
    return [rows[key] for key in sorted(rows)]


def sendjob_progress(*, job: SendJob) -> dict:
    """Sent, failed and remaining of a send, in all and per edition language (four queries).

    Remaining counts the rows handed to the outbox and not sent yet, and the confirmed readers
    the send has not reached yet (after its cursor) under the edition they will get.
    """
    languages: dict[str, dict] = {}

    def entry(language: str) -> dict:
        return languages.setdefault(language, {"sent": 0, "failed": 0, "remaining": 0})

    mails = (
        OutgoingMail.objects.filter(idempotency_key__startswith=job.key_prefix)
        .values("language", "status")
        .annotate(n=Count("pk"), stuck=Count("pk", filter=outbox_stuck_q()))
    )
    done = {OutgoingMail.Status.SENT: "sent", OutgoingMail.Status.FAILED: "failed"}
    stuck = 0
    for row in mails:
        entry(row["language"])[done.get(row["status"], "remaining")] += row["n"]
        stuck += row["stuck"]
    if job.status in (SendJob.Status.SCHEDULED, SendJob.Status.SENDING, SendJob.Status.PAUSED):
        issue = job.issue
        editions = edition_map(edition_complete_languages(issue, list(issue.articles.all())))
        ahead = (
            Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, pk__gt=job.cursor)
            .values("language")
            .annotate(n=Count("pk"))
        )
        for row in ahead:
            if row["language"] in editions:
                entry(editions[row["language"]])["remaining"] += row["n"]
    totals = {
        key: sum(counts[key] for counts in languages.values())
        for key in ("sent", "failed", "remaining")
    }
    status, label = job.status, str(job.get_status_display())
    if totals["remaining"] and stuck:
        # rows whose worker died or whose task was lost: never "done" while mail is missing
        status, label = "stalled", str(pgettext("bulletin send", "Stalled"))
    elif totals["remaining"] and job.status == SendJob.Status.DONE:
        status, label = SendJob.Status.SENDING, str(SendJob.Status.SENDING.label)
    return {
        "status": status,
        "status_label": label,
        "stalled": bool(stuck),
        "total": sum(totals.values()),
        **totals,
        "languages": dict(sorted(languages.items())),
    }


def sendjob_for_issue(*, issue: Issue) -> SendJob | None:
    return SendJob.objects.filter(issue=issue).first()


def issue_recipients_per_edition(*, issue: Issue) -> dict[str, int]:
    """How many confirmed readers each edition would go to now (for "send to 242 readers")."""
    editions = edition_map(edition_complete_languages(issue, list(issue.articles.all())))
    counts: dict[str, int] = {}
    rows = (
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .values("language")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        if row["language"] in editions:
            edition = editions[row["language"]]
            counts[edition] = counts.get(edition, 0) + row["n"]
    return dict(sorted(counts.items()))


DUE_TASK = "newsletter.tasks.mail_bulletin_due"


def scheduler_running() -> bool:
    """Whether something runs the scheduled sends: a broker, and celery beat having run the
    due-sends task lately (beat records each run in its database schedule)."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        return False
    from django_celery_beat.models import PeriodicTask

    last = PeriodicTask.objects.filter(task=DUE_TASK).values_list("last_run_at", flat=True).first()
    return bool(last and last > timezone.now() - timedelta(minutes=10))
