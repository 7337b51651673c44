"""Subscribing (double opt-in), one-click unsubscribe (RFC 8058) and preferences."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.selectors import subscriber_by_token
from newsletter.services.subscriptions import (
    subscriber_confirm,
    subscriber_confirmation_send,
    subscriber_language_set,
    subscriber_subscribe,
    subscriber_unsubscribe,
)
from newsletter.tokens import confirm_token_read, link_token_read
from weltstadt.throttle import THROTTLED_MESSAGE, throttle_allows


def _client(request) -> dict:
    """Proof of the double opt-in: the address and browser the request came from."""
    return {
        "ip": request.META.get("REMOTE_ADDR") or None,
        "user_agent": request.META.get("HTTP_USER_AGENT", ""),
    }


@require_http_methods(["GET", "POST"])
def subscribe(request):
    # the bulletin's language starts as the page's, as in the footer form
    form = SubscribeForm(request.POST or None, initial={"language": translation.get_language()})
    status = 200
    if request.method == "POST" and form.is_valid():
        # every subscription mails the address typed: bounded per client and per address, in the
        # cache that all web processes share
        if not throttle_allows(request, "bulletin-subscription", target=form.cleaned_data["email"]):
            form.add_error(None, THROTTLED_MESSAGE)
            status = 429
        else:
            subscriber_subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                source=form.cleaned_data["source"],
                **_client(request),
            )
            return redirect("newsletter:subscribe_done")
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


def subscribe_done(request):
    return render(request, "newsletter/subscribe_done.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    state, subscriber_token = confirm_token_read(token)
    subscriber = subscriber_by_token(subscriber_token) if subscriber_token else None
    if subscriber is None:
        return render(request, "newsletter/confirm.html", {"state": "bad"}, status=400)
    if subscriber.status == subscriber.Status.CONFIRMED:
        state = "already"
    elif subscriber.status != subscriber.Status.PENDING:
        state = "bad"
    elif request.method == "POST" and state == "ok":
        subscriber_confirm(subscriber=subscriber, **_client(request))
        state = "confirmed"
    elif request.method == "POST" and state == "expired":
        subscriber_confirmation_send(subscriber=subscriber)
        state = "resent"
    return render(request, "newsletter/confirm.html", {"state": state, "subscriber": subscriber})


def _subscriber_from_link(token: str):
    read = link_token_read(token)
    if read is None:
        return None, None
    return subscriber_by_token(read[0]), read[1]


@csrf_exempt  # RFC 8058: mail clients POST here without cookies; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    subscriber, issue_id = _subscriber_from_link(token)
    if subscriber is None:
        return render(request, "newsletter/unsubscribe.html", {"state": "bad"}, status=400)
    if request.method == "GET":
        # Link scanners follow GET links: only a POST (the button, or the mail client) acts.
        return render(
            request,
            "newsletter/unsubscribe.html",
            {"state": "ask", "subscriber": subscriber, "token": token},
        )
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    subscriber_unsubscribe(
        subscriber=subscriber, issue_id=issue_id, detail="one-click" if one_click else "page"
    )
    return render(
        request, "newsletter/unsubscribe.html", {"state": "done", "subscriber": subscriber}
    )


@require_http_methods(["GET", "POST"])
def preferences(request, token: str):
    subscriber, _issue_id = _subscriber_from_link(token)
    if subscriber is None:
        return render(request, "newsletter/unsubscribe.html", {"state": "bad"}, status=400)
    # the link in the "already subscribed" mail preselects the language asked for
    asked = request.GET.get("language")
    form = PreferencesForm(
        request.POST or None,
        initial={"language": asked if asked in dict(settings.LANGUAGES) else subscriber.language},
    )
    if request.method == "POST" and form.is_valid():
        subscriber_language_set(subscriber=subscriber, language=form.cleaned_data["language"])
        messages.success(request, _("Your preferences have been saved."))
        return redirect(reverse("newsletter:preferences", kwargs={"token": token}))
    return render(
        request,
        "newsletter/preferences.html",
        {"form": form, "subscriber": subscriber, "token": token},
    )
