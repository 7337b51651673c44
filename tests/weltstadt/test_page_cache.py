"""Issue 12: whole public pages for anonymous visitors from the shared cache (weltstadt.page_cache),
never for anyone signed in, fresh at once after an edit, with forms that keep working."""

import re

import pytest
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.test import Client, RequestFactory
from django.urls import reverse

from newsletter.models import Subscriber
from summits.models import Summit
from tests.page_cache import de_and_tr, kept_in_cache
from tests.summits.factories import SummitFactory
from weltstadt.models import OutgoingMail
from weltstadt.page_cache import GENERATION_KEY

pytestmark = pytest.mark.django_db

# a script element the browser runs without a src (JSON-LD is data: never run, needs no nonce)
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.IGNORECASE
)


def test_a_public_page_comes_from_the_cache_with_validators_and_answers_304():
    url = de_and_tr("home")[0]
    visitor = Client()
    first = visitor.get(url)
    assert first["X-Page-Cache"] == "miss"
    second = visitor.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"]
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert second["Content-Language"] == "de"
    assert not second.cookies
    # every answer gets the security headers afresh; the pages need no nonce
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert "nonce" not in second["Content-Security-Policy"]
    assert not INLINE_SCRIPT.search(second.content.decode())
    again = visitor.get(url, headers={"if-none-match": second["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert visitor.get(url, headers={"if-none-match": '"other"'}).status_code == 200
    since = visitor.get(url, headers={"if-modified-since": second["Last-Modified"]})
    assert since.status_code == 304


def test_head_of_a_cached_page_has_gets_headers_and_no_body():
    url = de_and_tr("partners")[0]
    get = kept_in_cache([url]).get(url)
    handler = BaseHandler()
    handler.load_middleware()
    head = handler.get_response(RequestFactory().head(url))
    assert head.status_code == 200
    assert head.content == b""
    assert head["X-Page-Cache"] == "hit"
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_the_language_redirect_is_never_kept():
    assert Client().get("/", headers={"accept-language": "tr"})["Location"] == "/tr/"
    assert Client().get("/", headers={"accept-language": "de"})["Location"] == "/de/"
    assert Client().get("/", headers={"accept-language": "tr"})["Location"] == "/tr/"


def test_each_language_is_its_own_page_with_its_own_alternates():
    de, tr = de_and_tr("summits:index")
    kept_in_cache([de, tr])
    de_html, tr_html = Client().get(de).content.decode(), Client().get(tr).content.decode()
    assert '<html lang="de">' in de_html
    assert '<html lang="tr">' in tr_html
    for html in (de_html, tr_html):
        assert f'hreflang="de" href="http://127.0.0.1:8000{de}"' in html
        assert f'hreflang="tr" href="http://127.0.0.1:8000{tr}"' in html


def test_a_signed_in_member_never_gets_a_cached_page_nor_leaves_her_name_in_one(alice):
    pages = de_and_tr("home") + de_and_tr("summits:index") + de_and_tr("partners")
    kept_in_cache(pages)
    member = Client()
    member.force_login(alice)
    for url in pages:
        response = member.get(url)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert reverse("member_home") in response.content.decode()  # her own header
    cache.clear()
    for url in pages:  # she is the first to see them now: nothing of hers is kept
        member.get(url)
        assert member.get(url).get("X-Page-Cache") is None
    for url in pages:
        html = Client().get(url).content.decode()
        assert alice.name not in html
        assert alice.email not in html
        assert reverse("member_home") not in html


def test_pages_with_messages_or_cookies_are_never_kept(client):
    summit = SummitFactory(slug="bremen")
    register = reverse("summits:register", args=[summit.slug])
    client.get(register)
    response = client.get(register)  # its form holds this visitor's CSRF token
    assert response.cookies
    assert "X-Page-Cache" not in response
    home = de_and_tr("home")[0]
    kept_in_cache([home])
    with_messages = Client()
    with_messages.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in with_messages.get(home)


def test_writes_without_model_signals_make_pages_stale_and_mail_rows_do_not():
    summit = SummitFactory(slug="bremen", title_de="Gipfel Bremen")
    de = de_and_tr("summits:detail", "bremen")[0]
    visitor = kept_in_cache([de])
    generation = cache.get(GENERATION_KEY)
    OutgoingMail.objects.bulk_create([])  # no statement
    Subscriber.objects.create(email="reader@example.org", language="de")
    assert cache.get(GENERATION_KEY) == generation
    assert visitor.get(de)["X-Page-Cache"] == "hit"
    Summit.objects.filter(pk=summit.pk).update(title_de="Gipfel Bremen 2027")
    assert cache.get(GENERATION_KEY) != generation
    response = visitor.get(de)
    assert response["X-Page-Cache"] == "miss"
    assert "Gipfel Bremen 2027" in response.content.decode()


def test_the_footer_subscription_works_from_a_cached_page_in_another_process():
    """The page was rendered for someone else (by any process); the visitor's browser fetches
    its token from the uncached URL (static/js/csrf.js) and the subscription goes through
    Django's CSRF check, which needs nothing but the cookie and the secret key all processes
    share: no 403."""
    url = de_and_tr("summits:index")[0]
    kept_in_cache([url])
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url)
    assert page["X-Page-Cache"] == "hit"
    assert not page.cookies
    html = page.content.decode()
    form = re.search(r'<form class="bulletin-subscribe[^"]*"[^>]*>.*?</form>', html, re.S)[0]
    field = re.search(
        r'<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf="([^"]+)">', form
    )
    assert field, "the cached form holds no token"
    assert '<script src="/static/js/csrf.js" defer></script>' in html
    data = {"email": "reader@example.org", "language": "tr", "consent": "on", "source": "footer"}
    assert browser.post(reverse("newsletter:subscribe"), data).status_code == 403  # no token
    token = browser.get(field[1])
    assert "no-store" in token["Cache-Control"]
    assert "csrftoken" in token.cookies
    cache.clear()  # the next request lands on a process that never saw this visitor
    response = browser.post(
        reverse("newsletter:subscribe"), {**data, "csrfmiddlewaretoken": token.json()["token"]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_done")
    assert Subscriber.objects.get(email="reader@example.org").language == "tr"


def test_a_page_is_kept_no_longer_than_page_cache_seconds_in_any_copy(settings, monkeypatch):
    """What only the clock changes (a summit that has begun) shows once PAGE_CACHE_SECONDS have
    passed, also from a process's own copy of the page."""
    import time

    from weltstadt import page_cache

    url = de_and_tr("home")[0]
    visitor = Client()
    assert visitor.get(url)["X-Page-Cache"] == "miss"
    assert visitor.get(url)["X-Page-Cache"] == "hit"
    later = time.monotonic() + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    cache.delete_many(list(page_cache._local))  # the shared copy has expired too
    assert visitor.get(url)["X-Page-Cache"] == "miss"


def test_without_javascript_the_footer_subscription_is_offered_again_with_a_token():
    """JavaScript off: the cached form goes out with its empty token field. Nothing is done; the
    visitor sees what they sent and sends it again from a page carrying their own token."""
    url = de_and_tr("summits:index")[1]
    kept_in_cache([url])
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(url)["X-Page-Cache"] == "hit"
    data = {"email": "okur@example.org", "language": "tr", "consent": "on", "source": "footer"}
    subscribe = reverse("newsletter:subscribe")
    offered = browser.post(subscribe, {**data, "csrfmiddlewaretoken": ""})
    assert offered.status_code == 403
    assert not Subscriber.objects.filter(email="okur@example.org").exists()
    html = offered.content.decode()
    html = html[html.index("<main") : html.index("</main>")]  # not the footer's own form
    assert "Lütfen formu yeniden gönderin" in html
    assert "okur@example.org" in html  # kept in the form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    assert hidden == {**data, "csrfmiddlewaretoken": token}
    sent = browser.post(subscribe, hidden)
    assert sent.status_code == 302
    assert Subscriber.objects.get(email="okur@example.org").language == "tr"
    # a forged request without the (empty) field still gets Django's plain refusal
    forged = Client(enforce_csrf_checks=True).post(subscribe, data)
    assert forged.status_code == 403
    assert "okur@example.org" not in forged.content.decode()
