"""Bounce and complaint notifications from the mail provider.

The provider POSTs JSON to a URL that carries a secret derived from SECRET_KEY (shown to staff in
the subscriber admin): `{"events": [{"type": "bounce" | "complaint", "email": "…",
"bounce_type": "hard" | "soft", "detail": "…"}]}`. A provider whose webhooks have another shape
needs a small relay; anymail-style event names ("bounced", "complained", "deferred") and
"recipient" for the address are understood too.
"""

import json

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.utils.crypto import constant_time_compare, salted_hmac
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsletter.models import SubscriberEvent
from newsletter.services.subscriptions import subscriber_bounce

Kind = SubscriberEvent.Kind


def webhook_secret() -> str:
    return salted_hmac("newsletter.webhook", "bounces", algorithm="sha256").hexdigest()[:40]


def _kind(event: dict) -> str | None:
    kind = str(event.get("type") or event.get("event_type") or "").lower()
    if kind in ("complaint", "complained", "spam"):
        return Kind.COMPLAINT
    if kind in ("bounce", "bounced", "rejected", "failed"):
        soft = str(event.get("bounce_type", "hard")).lower() in ("soft", "transient")
        return Kind.SOFT_BOUNCE if soft else Kind.HARD_BOUNCE
    if kind in ("deferred", "soft_bounce"):
        return Kind.SOFT_BOUNCE
    return None


@csrf_exempt  # called by the mail provider, authenticated by the secret in the URL
@require_POST
def bounces(request, secret: str):
    if not constant_time_compare(secret, webhook_secret()):
        return HttpResponseForbidden()
    try:
        payload = json.loads(request.body)
        events = payload["events"] if isinstance(payload, dict) else payload
        if not isinstance(events, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("expected JSON with a list of events")
    handled = 0
    for event in events[:1000]:
        if not isinstance(event, dict):
            continue
        kind = _kind(event)
        email = str(event.get("email") or event.get("recipient") or "")
        if kind and email:
            handled += bool(
                subscriber_bounce(email=email, kind=kind, detail=str(event.get("detail", "")))
            )
    return HttpResponse(f"ok {handled}", content_type="text/plain")
