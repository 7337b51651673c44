"""Demo bulletin for `make run`: three issues in six languages (two published, one draft ready to
send) and a few hundred subscribers. Idempotent."""

import datetime

from django.conf import settings
from django.utils import timezone

from newsletter.demo_content import ISSUES
from newsletter.models import Article, Issue, Subscriber
from newsletter.services.subscriptions import CONSENT_VERSION
from weltstadt.demo import DemoLogin

SUBSCRIBERS = 300


def _issue(data: dict, *, published: bool) -> Issue:
    issue, created = Issue.objects.get_or_create(
        number=data["number"],
        defaults={
            "date": datetime.date.fromisoformat(data["date"]),
            **{f"title_{code}": text for code, text in data["title"].items()},
            **{f"intro_{code}": f"<p>{text}</p>" for code, text in data["intro"].items()},
        },
    )
    if created:
        for position, article in enumerate(data["articles"]):
            Article.objects.create(
                issue=issue,
                position=position,
                **{f"title_{code}": title for code, (title, _body) in article.items()},
                **{f"body_{code}": f"<p>{body}</p>" for code, (_title, body) in article.items()},
            )
        if published:
            issue.status = Issue.Status.SENT
            issue.published_at = timezone.make_aware(
                datetime.datetime.fromisoformat(data["date"] + "T09:00")
            )
            issue.save()
    return issue


def demo_seed() -> list[DemoLogin]:
    for data in ISSUES:
        _issue(data, published=data["number"] < 3)
    languages = [code for code, _name in settings.LANGUAGES]
    now = timezone.now()
    existing = set(
        Subscriber.objects.filter(email__endswith="@leser.example").values_list("email", flat=True)
    )
    statuses = [Subscriber.Status.CONFIRMED] * 8 + [
        Subscriber.Status.PENDING,
        Subscriber.Status.UNSUBSCRIBED,
    ]
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{n:03}@leser.example",
                language=languages[n % len(languages)],
                status=statuses[n % len(statuses)],
                consent_at=now,
                consent_source=Subscriber.Source.IMPORT,
                consent_version=CONSENT_VERSION,
                consent_note="Demo data",
                confirmed_at=now,
            )
            for n in range(SUBSCRIBERS)
            if f"reader{n:03}@leser.example" not in existing
        ]
    )
    return []
