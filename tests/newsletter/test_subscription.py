import re

from django.core import mail, signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from newsletter.models import Subscriber, SubscriberEvent
from newsletter.services.subscriptions import CONSENT_VERSION, subscriber_subscribe
from newsletter.tokens import CONFIRM_SALT, link_token


def _subscribe(client, run_on_commit, email="leyla@example.org", language="tr", **extra):
    with run_on_commit():
        return client.post(
            "/tr/bulletin/subscribe/",
            {"email": email, "language": language, "consent": "on", "source": "footer", **extra},
        )


def _confirm_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", message.body).group(1)


def test_it_subscribes_with_double_opt_in(client, db, run_on_commit):
    response = _subscribe(client, run_on_commit)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_source == "footer"
    assert subscriber.consent_version == CONSENT_VERSION
    assert subscriber.consent_at
    assert len(mail.outbox) == 1
    with translation.override("tr"):
        subject = gettext("Please confirm your subscription to the İzmir Bulletin")
    assert mail.outbox[0].subject == subject  # the mail is in the language chosen in the form
    path = _confirm_path(mail.outbox[0])
    assert path.startswith("/tr/bulletin/confirm/")
    page = client.get(path)  # a link scanner's GET confirms nothing
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    client.post(path)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at


def test_it_never_creates_two_subscribers_for_one_address(client, db, run_on_commit):
    _subscribe(client, run_on_commit, email="Leyla@Example.org")
    _subscribe(client, run_on_commit, email="leyla@example.org ")
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 1  # the same hour: one confirmation mail


def test_it_rejects_a_form_without_consent(client, db):
    response = client.post(
        "/en/bulletin/subscribe/", {"email": "x@example.org", "language": "en", "source": "page"}
    )
    assert response.status_code == 200
    assert b"Please confirm that you want to receive the bulletin." in response.content
    assert not Subscriber.objects.exists()


def test_it_rejects_a_bad_address_without_a_500(client, db):
    response = client.post(
        "/en/bulletin/subscribe/",
        {"email": "not an address", "language": "xx", "consent": "on", "source": "nope"},
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_resubscribing_after_unsubscribing_works(client, db, run_on_commit):
    subscriber = subscriber_subscribe(email="a@example.org", language="de", source="page")
    Subscriber.objects.filter(pk=subscriber.pk).update(status="unsubscribed")
    mail.outbox.clear()
    _subscribe(client, run_on_commit, email="a@example.org", language="fr")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "fr"
    client.post(_confirm_path(mail.outbox[-1]))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_an_expired_link_explains_itself_and_offers_a_new_one(client, db, run_on_commit):
    subscriber = subscriber_subscribe(email="a@example.org", language="en", source="page")
    old = signing.TimestampSigner(salt=CONFIRM_SALT)
    old.timestamp = lambda: signing.b62_encode(1_000_000)  # signed in 1970
    token = old.sign(subscriber.token.hex)
    with translation.override("en"):
        path = reverse("newsletter:confirm", kwargs={"token": token})
    page = client.get(path)
    assert b"This link has expired" in page.content
    assert b"Send me a new link" in page.content
    mail.outbox.clear()
    with run_on_commit():
        client.post(path)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1


def test_a_forged_link_is_refused(client, db):
    assert client.get("/de/bulletin/confirm/abc:def:ghi/").status_code == 400
    assert client.get("/de/bulletin/unsubscribe/abc.1:xyz/").status_code == 400
    assert client.get("/de/bulletin/preferences/abc/").status_code == 400


def test_one_click_post_unsubscribes_without_cookies_or_csrf(db):
    from django.test import Client

    subscriber = subscriber_subscribe(email="a@example.org", language="en", source="page")
    Subscriber.objects.filter(pk=subscriber.pk).update(status="confirmed")
    path = reverse("newsletter:unsubscribe", kwargs={"token": link_token(subscriber.token.hex)})
    client = Client(enforce_csrf_checks=True)
    assert client.get(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"  # GET only shows the button
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert SubscriberEvent.objects.filter(kind="unsubscribed", detail="one-click").exists()


def test_preferences_change_the_language(client, db):
    subscriber = subscriber_subscribe(email="a@example.org", language="en", source="page")
    path = reverse("newsletter:preferences", kwargs={"token": link_token(subscriber.token.hex)})
    assert client.get(path).status_code == 200
    client.post(path, {"language": "it"})
    subscriber.refresh_from_db()
    assert subscriber.language == "it"
    assert client.post(path, {"language": "xx"}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "it"


def test_every_page_has_the_subscription_form(client, db):
    for url in ["/de/", "/tr/about/", "/en/bulletin/"]:
        content = client.get(url).content.decode()
        assert f'action="/{url[1:3]}/bulletin/subscribe/"' in content, url


def test_a_get_on_the_unsubscribe_link_only_shows_a_button(client, db):
    subscriber = subscriber_subscribe(email="a@example.org", language="en", source="page")
    Subscriber.objects.filter(pk=subscriber.pk).update(status="confirmed")
    with translation.override("en"):
        path = reverse("newsletter:unsubscribe", kwargs={"token": link_token(subscriber.token.hex)})
    for _scan in range(3):  # a link scanner, a preview, a curious reader
        page = client.get(path).content.decode()
    form = re.search(r'<form method="post">(.*?)</form>', page, re.S).group(1)
    assert '<button class="button" type="submit">Unsubscribe</button>' in form
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert "a@example.org will receive no more issues." in page
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert not subscriber.events.filter(kind="unsubscribed").exists()
    # HEAD is answered like GET: the page, no body, and still no unsubscription
    assert client.head(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert client.put(path).status_code == 405
    client.post(path)  # the button
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert "You are not subscribed to the bulletin any more." in client.get(path).content.decode()
