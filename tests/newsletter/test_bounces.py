"""Bounces and complaints: the provider's webhook and the manual import in the admin. Hard bounces
and complaints suppress at once, soft bounces at the threshold; suppressed readers get nothing."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from newsletter.models import Subscriber, SubscriberEvent
from newsletter.selectors import issue_statistics
from newsletter.services.sending import issue_send
from newsletter.services.subscriptions import SOFT_BOUNCE_LIMIT
from newsletter.views.webhooks import webhook_secret
from tests.newsletter.factories import issue_make, subscribers_make

Kind = SubscriberEvent.Kind


@pytest.fixture
def readers(db):
    return subscribers_make(3, language="tr")


def _hook(client, payload, secret=None):
    url = reverse("newsletter:webhook_bounces", kwargs={"secret": secret or webhook_secret()})
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(url, body, content_type="application/json")


def _status(email: str) -> str:
    return Subscriber.objects.get(email=email).status


def test_a_hard_bounce_suppresses_the_address(client, readers):
    response = _hook(
        client,
        {"events": [{"type": "bounce", "bounce_type": "hard", "email": "READER0@example.org"}]},
    )
    assert response.status_code == 200
    assert response.content == b"ok 1"
    reader = Subscriber.objects.get(email="reader0@example.org")
    assert reader.status == Subscriber.Status.SUPPRESSED
    assert reader.events.get().kind == Kind.HARD_BOUNCE
    assert _status("reader1@example.org") == Subscriber.Status.CONFIRMED


def test_a_complaint_suppresses_the_address(client, readers):
    _hook(client, [{"event_type": "complained", "recipient": "reader1@example.org"}])
    reader = Subscriber.objects.get(email="reader1@example.org")
    assert reader.status == Subscriber.Status.SUPPRESSED
    assert reader.events.get().kind == Kind.COMPLAINT


def test_soft_bounces_suppress_only_at_the_threshold(client, readers):
    soft = {"events": [{"type": "bounced", "bounce_type": "soft", "email": "reader2@example.org"}]}
    for count in range(1, SOFT_BOUNCE_LIMIT):
        _hook(client, soft)
        reader = Subscriber.objects.get(email="reader2@example.org")
        assert reader.soft_bounces == count
        assert reader.status == Subscriber.Status.CONFIRMED
    _hook(client, {"events": [{"type": "deferred", "email": "reader2@example.org"}]})
    reader = Subscriber.objects.get(email="reader2@example.org")
    assert reader.soft_bounces == SOFT_BOUNCE_LIMIT
    assert reader.status == Subscriber.Status.SUPPRESSED
    assert reader.events.filter(kind=Kind.SOFT_BOUNCE).count() == SOFT_BOUNCE_LIMIT


def test_the_webhook_refuses_a_wrong_secret_and_bad_input(client, readers):
    hard = {"events": [{"type": "bounce", "email": "reader0@example.org"}]}
    assert _hook(client, hard, secret="0" * 40).status_code == 403
    url = reverse("newsletter:webhook_bounces", kwargs={"secret": webhook_secret()})
    assert client.get(url).status_code == 405
    assert _hook(client, "not json").status_code == 400
    assert _hook(client, {"no": "events"}).status_code == 400
    assert _hook(client, {"events": "nope"}).status_code == 400
    # events it does not understand, or for addresses it does not know, change nothing
    response = _hook(
        client,
        {
            "events": [
                "text",
                {"type": "delivered", "email": "reader0@example.org"},
                {"type": "bounce"},
                {"type": "bounce", "email": "stranger@example.org"},
            ]
        },
    )
    assert response.content == b"ok 0"
    assert not SubscriberEvent.objects.exists()
    assert set(Subscriber.objects.values_list("status", flat=True)) == {"confirmed"}


def test_suppressed_readers_get_no_further_issue_and_count_as_bounced(
    client, readers, run_on_commit, alice
):
    first = issue_make(number=1, languages=["de", "tr"])
    with run_on_commit():
        issue_send(issue=first, by=alice)
    assert len(mail.outbox) == 3
    _hook(client, {"events": [{"type": "bounce", "email": "reader0@example.org"}]})
    statistics = issue_statistics(issue=first)
    assert statistics == [
        {"language": "tr", "sent": 3, "failed": 0, "bounced": 1, "unsubscribed": 0}
    ]
    mail.outbox.clear()
    second = issue_make(number=2, languages=["de", "tr"])
    with run_on_commit():
        issue_send(issue=second, by=alice)
    assert sorted(m.to[0] for m in mail.outbox) == ["reader1@example.org", "reader2@example.org"]


def test_staff_import_bounces_and_complaints_by_hand(staff_client, staff_user, readers):
    url = reverse("admin:newsletter_subscriber_bounces")
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(
        url,
        {"kind": Kind.HARD_BOUNCE, "addresses": "reader0@example.org\n\n stranger@example.org,\n"},
    )
    assert response.status_code == 302
    assert _status("reader0@example.org") == Subscriber.Status.SUPPRESSED
    assert not Subscriber.objects.filter(email="stranger@example.org").exists()
    event = SubscriberEvent.objects.get()
    assert event.kind == Kind.HARD_BOUNCE
    assert staff_user.get_short_name() in event.detail

    staff_client.post(url, {"kind": Kind.SOFT_BOUNCE, "addresses": "reader1@example.org"})
    reader = Subscriber.objects.get(email="reader1@example.org")
    assert reader.soft_bounces == 1
    assert reader.status == Subscriber.Status.CONFIRMED
    staff_client.post(url, {"kind": Kind.COMPLAINT, "addresses": "reader1@example.org"})
    assert _status("reader1@example.org") == Subscriber.Status.SUPPRESSED


def test_a_bad_line_in_the_bounce_import_changes_nothing(staff_client, readers):
    url = reverse("admin:newsletter_subscriber_bounces")
    response = staff_client.post(
        url, {"kind": Kind.HARD_BOUNCE, "addresses": "reader0@example.org\nnot an address"}
    )
    assert response.status_code == 200
    assert "not an address" in response.content.decode()
    assert _status("reader0@example.org") == Subscriber.Status.CONFIRMED
    assert staff_client.post(url, {"kind": "nope", "addresses": "x@example.org"}).status_code == 200
    assert not SubscriberEvent.objects.exists()


def test_bounce_figures_count_readers_not_events(client, readers, run_on_commit, alice):
    issue = issue_make(number=1, languages=["de", "tr"])
    with run_on_commit():
        issue_send(issue=issue, by=alice)
    soft = {"events": [{"type": "bounce", "bounce_type": "soft", "email": "reader2@example.org"}]}
    for _n in range(SOFT_BOUNCE_LIMIT):
        _hook(client, soft)
    _hook(client, {"events": [{"type": "bounce", "email": "reader0@example.org"}]})
    assert SubscriberEvent.objects.filter(issue=issue).count() == SOFT_BOUNCE_LIMIT + 1
    assert issue_statistics(issue=issue) == [
        {"language": "tr", "sent": 3, "failed": 0, "bounced": 2, "unsubscribed": 0}
    ]
