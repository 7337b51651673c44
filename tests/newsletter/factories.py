import datetime

from django.utils import timezone

from newsletter.models import Article, Issue, Subscriber

LANGS = ["de", "tr", "en", "fr", "it", "es"]


def issue_make(*, number: int = 1, languages=LANGS, articles: int = 2, **fields) -> Issue:
    """An issue whose editions are complete in `languages`."""
    texts = {f"title_{code}": f"Issue {number} [{code}]" for code in languages}
    issue = Issue.objects.create(number=number, date=datetime.date(2026, 11, 1), **texts, **fields)
    for position in range(articles):
        Article.objects.create(
            issue=issue,
            position=position,
            **{f"title_{code}": f"Article {position} [{code}]" for code in languages},
            **{
                f"body_{code}": f"<p>Text {position} in {code} <script>x()</script></p>"
                for code in languages
            },
        )
    return issue


def subscribers_make(count: int, *, language: str = "de", start: int = 0, **fields) -> list:
    now = timezone.now()
    return Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{start + n}@example.org",
                language=language,
                status=fields.get("status", Subscriber.Status.CONFIRMED),
                confirmed_at=now,
                consent_at=now,
                consent_source=Subscriber.Source.IMPORT,
            )
            for n in range(count)
        ]
    )
