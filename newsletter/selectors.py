"""Reads for the bulletin's pages: each a fixed number of queries, whatever the number of rows."""

from django.db.models import Count, Prefetch, QuerySet

from newsletter.models import Article, Issue, SendJob, Subscriber, SubscriberEvent
from weltstadt.models import OutgoingMail

PUBLISHED = [Issue.Status.SENDING, Issue.Status.SENT]


def issues_published() -> QuerySet[Issue]:
    return Issue.objects.filter(status__in=PUBLISHED, published_at__isnull=False).annotate(
        article_count=Count("articles")
    )


def issue_published_get(*, number: int) -> Issue | None:
    return (
        Issue.objects.filter(status__in=PUBLISHED, number=number)
        .prefetch_related(Prefetch("articles", queryset=Article.objects.order_by("position", "pk")))
        .first()
    )


def articles_latest(*, count: int = 3) -> list[Article]:
    """The latest articles of the published issues, for the home page (one query)."""
    return list(
        Article.objects.filter(issue__status__in=PUBLISHED)
        .select_related("issue")
        .order_by("-issue__number", "position", "pk")[:count]
    )


def subscriber_by_token(token: str) -> Subscriber | None:
    return Subscriber.objects.filter(token=token).first()


def issue_statistics(*, issue: Issue) -> list[dict]:
    """Sent, failed, bounced and unsubscribed per language for one issue (three queries)."""
    rows: dict[str, dict] = {}

    def entry(language: str) -> dict:
        return rows.setdefault(
            language,
            {"language": language, "sent": 0, "failed": 0, "bounced": 0, "unsubscribed": 0},
        )

    mails = (
        OutgoingMail.objects.filter(idempotency_key__startswith=f"bulletin:{issue.pk}:")
        .values("language", "status")
        .annotate(n=Count("pk"))
    )
    for row in mails:
        if row["status"] == OutgoingMail.Status.SENT:
            entry(row["language"])["sent"] += row["n"]
        elif row["status"] == OutgoingMail.Status.FAILED:
            entry(row["language"])["failed"] += row["n"]
    Kind = SubscriberEvent.Kind
    events = (
        SubscriberEvent.objects.filter(issue=issue)
        .values("language", "kind")
        .annotate(n=Count("pk"))
    )
    for row in events:
        if row["kind"] in (Kind.HARD_BOUNCE, Kind.SOFT_BOUNCE, Kind.COMPLAINT):
            entry(row["language"])["bounced"] += row["n"]
        elif row["kind"] == Kind.UNSUBSCRIBED:
            entry(row["language"])["unsubscribed"] += row["n"]
    return [rows[key] for key in sorted(rows)]


def sendjob_for_issue(*, issue: Issue) -> SendJob | None:
    return SendJob.objects.filter(issue=issue).first()
