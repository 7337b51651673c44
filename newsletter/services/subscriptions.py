"""Subscribing, confirming, unsubscribing, preferences and suppression of bulletin readers."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from newsletter.models import Issue, Subscriber, SubscriberEvent
from newsletter.tokens import confirm_token, link_token
from weltstadt.outbox import mail_enqueue

# Bump when the consent text next to the form changes: each subscriber records the version.
CONSENT_VERSION = "2026-11"
SOFT_BOUNCE_LIMIT = 3
Status = Subscriber.Status
Kind = SubscriberEvent.Kind


def _event(subscriber: Subscriber, kind: str, *, issue_id: int | None = None, detail: str = ""):
    SubscriberEvent.objects.create(
        subscriber=subscriber,
        kind=kind,
        issue_id=issue_id,
        language=subscriber.language,
        detail=detail[:300],
    )


def subscriber_confirmation_send(*, subscriber: Subscriber, occasion: str = "") -> None:
    """Mail the double opt-in link in the subscriber's language: once per subscription, or
    once per hour for a new link asked for from an expired one."""
    with translation.override(subscriber.language):
        path = reverse("newsletter:confirm", kwargs={"token": confirm_token(subscriber.token.hex)})
    occasion = occasion or "renew-" + timezone.now().strftime("%Y%m%d%H")
    mail_enqueue(
        key=f"bulletin-confirm:{subscriber.pk}:{occasion}",
        to=subscriber.email,
        template="newsletter/confirm",
        language=subscriber.language,
        context={"path": path},
    )


def _already_subscribed_send(*, subscriber: Subscriber, language: str) -> None:
    """Tell a confirmed reader who subscribed again that they already are, with the link to
    switch to the language they asked for. At most once an hour per language asked for."""
    with translation.override(subscriber.language):
        path = reverse("newsletter:preferences", kwargs={"token": link_token(subscriber.token.hex)})
    hour = timezone.now().strftime("%Y%m%d%H")
    mail_enqueue(
        key=f"bulletin-already:{subscriber.pk}:{language}:{hour}",
        to=subscriber.email,
        template="newsletter/already_subscribed",
        language=subscriber.language,
        context={"path": f"{path}?language={language}", "asked": language},
    )


def _client(ip: str | None, user_agent: str) -> dict:
    return {"ip": ip or None, "user_agent": (user_agent or "")[:300]}


@transaction.atomic
def subscriber_subscribe(
    *,
    email: str,
    language: str,
    source: str,
    consent_version: str = CONSENT_VERSION,
    ip: str | None = None,
    user_agent: str = "",
) -> Subscriber:
    """Record a subscription request and mail the confirmation link.

    Guarantees: one subscriber per address whatever its case or how often it is typed; a
    confirmed subscriber stays confirmed and is told by mail (never on the page, which reveals
    nothing) that they already are, with a link to switch language; an unsubscribed or
    suppressed one starts a new double opt-in; consent time, source, text version, IP address
    and browser of the request are recorded (proof of the double opt-in).
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
                email=email, defaults={"language": language}
            )
    except IntegrityError:  # typed twice at the same moment
        subscriber = Subscriber.objects.select_for_update().get(email=email)
    if subscriber.status == Status.CONFIRMED:
        _already_subscribed_send(subscriber=subscriber, language=language)
        return subscriber
    recently = timezone.now() - timedelta(hours=1)
    if (
        subscriber.status == Status.PENDING
        and subscriber.consent_at
        and (subscriber.consent_at > recently and subscriber.language == language)
    ):
        return subscriber  # the same form sent twice: one mail is enough
    subscriber.language = language
    subscriber.status = Status.PENDING
    subscriber.consent_at = timezone.now()
    subscriber.consent_source = source
    subscriber.consent_version = consent_version
    client = _client(ip, user_agent)
    subscriber.consent_ip, subscriber.consent_user_agent = client["ip"], client["user_agent"]
    subscriber.save()
    _event(subscriber, Kind.SUBSCRIBED, detail=source)
    subscriber_confirmation_send(
        subscriber=subscriber, occasion=str(int(subscriber.consent_at.timestamp() * 1000))
    )
    return subscriber


@transaction.atomic
def subscriber_confirm(
    *, subscriber: Subscriber, ip: str | None = None, user_agent: str = ""
) -> bool:
    """PENDING → CONFIRMED, recording where the confirmation came from; returns False (and
    changes nothing) from any other state."""
    client = _client(ip, user_agent)
    updated = Subscriber.objects.filter(pk=subscriber.pk, status=Status.PENDING).update(
        status=Status.CONFIRMED,
        confirmed_at=timezone.now(),
        confirmed_ip=client["ip"],
        confirmed_user_agent=client["user_agent"],
        soft_bounces=0,
        suppressed_reason="",
    )
    if updated:
        subscriber.refresh_from_db()
        _event(subscriber, Kind.CONFIRMED)
    return bool(updated)


@transaction.atomic
def subscriber_unsubscribe(
    *, subscriber: Subscriber, issue_id: int | None = None, detail: str = ""
) -> bool:
    """Stop all bulletin mail to the subscriber; idempotent (False if already off)."""
    updated = Subscriber.objects.filter(
        pk=subscriber.pk, status__in=[Status.PENDING, Status.CONFIRMED]
    ).update(status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    if updated:
        subscriber.refresh_from_db()
        if issue_id and not Issue.objects.filter(pk=issue_id).exists():
            issue_id = None
        _event(subscriber, Kind.UNSUBSCRIBED, issue_id=issue_id or None, detail=detail)
    return bool(updated)


@transaction.atomic
def subscriber_language_set(*, subscriber: Subscriber, language: str) -> None:
    """Change the language of the editions the subscriber receives."""
    if subscriber.language != language:
        subscriber.language = language
        subscriber.save(update_fields=["language"])
        _event(subscriber, Kind.LANGUAGE, detail=language)


@transaction.atomic
def subscriber_bounce(
    *, email: str, kind: str, issue_id: int | None = None, detail: str = ""
) -> Subscriber | None:
    """Record a hard bounce, soft bounce or complaint for an address.

    Hard bounces and complaints suppress the address at once; soft bounces suppress it when
    they reach SOFT_BOUNCE_LIMIT. Unknown addresses are ignored (None).
    """
    subscriber = Subscriber.objects.select_for_update().filter(email=email.strip().lower()).first()
    if subscriber is None:
        return None
    if issue_id is None:
        issue_id = _last_issue_sent_to(subscriber.email)
    _event(subscriber, kind, issue_id=issue_id, detail=detail)
    if kind == Kind.SOFT_BOUNCE:
        subscriber.soft_bounces += 1
        if subscriber.soft_bounces >= SOFT_BOUNCE_LIMIT:
            subscriber.status = Status.SUPPRESSED
            subscriber.suppressed_reason = f"{subscriber.soft_bounces} soft bounces"
    else:
        subscriber.status = Status.SUPPRESSED
        subscriber.suppressed_reason = (detail or kind)[:200]
    subscriber.save()
    return subscriber


def _last_issue_sent_to(email: str) -> int | None:
    from weltstadt.models import OutgoingMail

    key = (
        OutgoingMail.objects.filter(to=email, template="newsletter/issue")
        .order_by("-created_at")
        .values_list("idempotency_key", flat=True)
        .first()
    )
    if key and key.startswith("bulletin:"):
        return int(key.split(":")[1])
    return None
