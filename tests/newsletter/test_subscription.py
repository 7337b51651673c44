import html
import re

from django.core import mail, signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from newsletter.models import Subscriber, SubscriberEvent
from newsletter.services.subscriptions import CONSENT_VERSION, subscriber_subscribe
from newsletter.tokens import CONFIRM_SALT, link_token
from weltstadt.throttle import THROTTLED_MESSAGE


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


def test_a_confirmed_reader_who_subscribes_again_is_told_by_mail_not_on_the_page(
    client, db, run_on_commit
):
    reader = subscriber_subscribe(email="leyla@example.org", language="de", source="page")
    Subscriber.objects.filter(pk=reader.pk).update(status=Subscriber.Status.CONFIRMED)
    mail.outbox.clear()
    stranger = _subscribe(client, run_on_commit, email="new@example.org", language="tr")
    mail.outbox.clear()
    again = _subscribe(client, run_on_commit, language="tr")  # to switch to Turkish
    assert again["Location"] == stranger["Location"]  # the page reveals nothing
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.CONFIRMED
    assert reader.language == "de"  # only the owner of the address changes it
    assert [m.to for m in mail.outbox] == [["leyla@example.org"]]
    message = mail.outbox[0]
    with translation.override("de"):  # in the language they receive the bulletin in
        assert message.subject == gettext("You already receive the İzmir Bulletin")
    link = re.search(r"https?://[^/\s]+(/de/bulletin/preferences/\S+)", message.body).group(1)
    assert "Türkçe" in message.body
    page = client.get(link)
    assert page.context["form"]["language"].value() == "tr"
    client.post(link, {"language": "tr"})
    reader.refresh_from_db()
    assert reader.language == "tr"
    mail.outbox.clear()
    _subscribe(client, run_on_commit, language="tr")
    assert not mail.outbox  # at most one such mail an hour: the form cannot flood an inbox
    _subscribe(client, run_on_commit, email="new@example.org", language="tr")  # still pending
    Subscriber.objects.filter(email="new@example.org").update(status="confirmed")
    _subscribe(client, run_on_commit, email="new@example.org", language="tr")
    assert [m.to for m in mail.outbox] == [["new@example.org"]]  # the same language:
    assert "/preferences/" not in mail.outbox[0].body  # just "you already receive it"


def test_the_consent_proof_keeps_ip_address_and_browser_of_request_and_confirmation(
    client, db, run_on_commit
):
    with run_on_commit():
        client.post(
            "/tr/bulletin/subscribe/",
            {"email": "leyla@example.org", "language": "tr", "consent": "on", "source": "page"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_USER_AGENT="Firefox/140 (request)",
        )
    client.post(
        _confirm_path(mail.outbox[0]),
        REMOTE_ADDR="2001:db8::5",
        HTTP_USER_AGENT="Mail app (confirmation)",
    )
    reader = Subscriber.objects.get()
    assert reader.status == Subscriber.Status.CONFIRMED
    assert (reader.consent_ip, reader.consent_user_agent) == (
        "203.0.113.7",
        "Firefox/140 (request)",
    )
    assert (reader.confirmed_ip, reader.confirmed_user_agent) == (
        "2001:db8::5",
        "Mail app (confirmation)",
    )
    reader.delete()  # erased with the subscriber: nothing of them is left
    assert not Subscriber.objects.filter(consent_ip="203.0.113.7").exists()


def test_subscribing_is_throttled_per_address_and_per_client(client, db, run_on_commit):
    for _ in range(3):
        assert _subscribe(client, run_on_commit, email="target@example.org").status_code == 302
    refused = _subscribe(client, run_on_commit, email="target@example.org")
    assert refused.status_code == 429
    with translation.override("tr"):
        said = html.escape(str(THROTTLED_MESSAGE))
    assert said in refused.content.decode()
    sent = len(mail.outbox)
    for n in range(6):  # other addresses from the same client: ten attempts an hour in all
        _subscribe(client, run_on_commit, email=f"reader{n}@example.org")
    assert _subscribe(client, run_on_commit, email="new@example.org").status_code == 429
    assert not Subscriber.objects.filter(email="new@example.org").exists()
    assert len(mail.outbox) == sent + 6
    # a reader elsewhere is not held up by this client
    other = client.__class__(REMOTE_ADDR="203.0.113.9")
    assert _subscribe(other, run_on_commit, email="new@example.org").status_code == 302
