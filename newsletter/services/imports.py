"""CSV import and export of subscribers."""

import csv
import io
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletter.models import Subscriber, SubscriberEvent
from newsletter.services.subscriptions import CONSENT_VERSION

EXPORT_FIELDS = [
    "email",
    "language",
    "status",
    "consent_at",
    "consent_source",
    "consent_version",
    "consent_note",
    "consent_ip",
    "consent_user_agent",
    "confirmed_at",
    "confirmed_ip",
    "confirmed_user_agent",
    "unsubscribed_at",
    "soft_bounces",
]


@transaction.atomic
def subscribers_import(*, data: bytes, source_note: str) -> dict:
    """Import confirmed subscribers from CSV (email, language) with the consent source.

    Guarantees: existing addresses are left as they are (an unsubscribed reader is not
    re-subscribed by an import); bad lines are reported by number and skipped.
    Returns {"created": n, "existing": n, "errors": [(line, message), ...]}.
    """
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text))
    languages = {code for code, _name in settings.LANGUAGES}
    now = timezone.now()
    rows, errors, seen = [], [], set()
    for number, line in enumerate(reader, start=1):
        if not line or not "".join(line).strip():
            continue
        email = line[0].strip().lower()
        language = (line[1].strip().lower() if len(line) > 1 else "") or settings.LANGUAGE_CODE
        if number == 1 and email in ("email", "e-mail"):
            continue
        try:
            validate_email(email)
        except ValidationError:
            errors.append((number, _("not an e-mail address")))
            continue
        if language not in languages:
            errors.append((number, _("unknown language")))
            continue
        if email not in seen:
            seen.add(email)
            rows.append((email, language))
    existing = set(
        Subscriber.objects.filter(email__in=[email for email, _l in rows]).values_list(
            "email", flat=True
        )
    )
    new = [
        Subscriber(
            email=email,
            language=language,
            status=Subscriber.Status.CONFIRMED,
            consent_at=now,
            consent_source=Subscriber.Source.IMPORT,
            consent_version=CONSENT_VERSION,
            consent_note=source_note[:200],
            confirmed_at=now,
        )
        for email, language in rows
        if email not in existing
    ]
    created = Subscriber.objects.bulk_create(new, batch_size=1000)
    created = list(Subscriber.objects.filter(email__in=[s.email for s in new]))
    SubscriberEvent.objects.bulk_create(
        [
            SubscriberEvent(
                subscriber=s,
                kind=SubscriberEvent.Kind.CONFIRMED,
                language=s.language,
                detail=f"import: {source_note}"[:300],
            )
            for s in created
        ],
        batch_size=1000,
    )
    return {"created": len(new), "existing": len(existing), "errors": errors}


def subscribers_export(subscribers: Iterable[Subscriber]) -> tuple[list[str], list[list]]:
    """Header (the fields' names in the reader's language) and rows, for weltstadt.exports."""
    header = [str(Subscriber._meta.get_field(name).verbose_name) for name in EXPORT_FIELDS]
    rows = [[getattr(s, name) for name in EXPORT_FIELDS] for s in subscribers]
    return header, rows
