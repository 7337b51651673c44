"""Issue 12: a page kept for anonymous visitors is answered by the WSGI front of the page cache
(weltstadt.page_cache.PageCacheFront) without running Django, exactly as Django would answer it
from the cache; everything else still reaches Django."""

import io
import logging
import sys

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from summits.models import Summit
from tests.page_cache import de_and_tr
from tests.summits.factories import SummitFactory
from weltstadt.page_cache import PageCacheFront
from weltstadt.wsgi import django_application

pytestmark = pytest.mark.django_db

# what differs between two answers of the same page
PER_ANSWER = {"x-page-cache", "x-request-id", "date"}


class Counting:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return django_application(environ, start_response)


@pytest.fixture
def front():
    # as Django's test client does: the test's database connection stays open across requests
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    django = Counting()
    application = PageCacheFront(django)
    application.django = django
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _get(application, path, method="GET", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = {name.lower(): value for name, value in response_headers}

    chunks = application(environ, start_response)
    answer["body"] = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return answer


def _shared(answer) -> dict:
    return {name: value for name, value in answer["headers"].items() if name not in PER_ANSWER}


def test_a_kept_page_is_answered_without_django_as_django_would(front, caplog):
    url = de_and_tr("home")[0]
    first = _get(front, url)
    assert first["headers"]["x-page-cache"] == "miss"
    assert front.django.calls == 1
    caplog.set_level(logging.INFO, logger="weltstadt.access")
    second = _get(front, url, x_request_id="proxy-request-1234")
    assert front.django.calls == 1  # Django never saw it
    assert second["status"] == 200
    assert second["body"] == first["body"]
    assert second["headers"]["x-page-cache"] == "hit"
    assert second["headers"]["x-request-id"] == "proxy-request-1234"
    assert _shared(second) == _shared(first)  # validators, CSP, security headers, language
    assert int(second["headers"]["content-length"]) == len(first["body"])
    (line,) = [r for r in caplog.records if r.name == "weltstadt.access"]
    assert (line.method, line.path, line.status) == ("GET", url, 200)
    assert line.request_id == "proxy-request-1234"
    # Django's own hit (the middleware, as the test client and runserver get it) is the same
    from django.test import Client

    assert Client().get(url).content == second["body"]


def test_revalidations_get_304_and_head_gets_no_body(front):
    url = de_and_tr("partners")[1]
    first = _get(front, url)
    etag, modified = first["headers"]["etag"], first["headers"]["last-modified"]
    not_modified = _get(front, url, if_none_match=etag)
    assert not_modified["status"] == 304
    assert not_modified["body"] == b""
    assert not_modified["headers"]["etag"] == etag
    assert "content-security-policy" not in not_modified["headers"]  # as Django's 304
    assert _get(front, url, if_none_match=f'"other", W/{etag}')["status"] == 304
    assert _get(front, url, if_none_match='"other"')["status"] == 200
    assert _get(front, url, if_modified_since=modified)["status"] == 304
    head = _get(front, url, method="HEAD")
    assert (head["status"], head["body"]) == (200, b"")
    assert head["headers"]["content-length"] == str(len(first["body"]))
    assert front.django.calls == 1
    # preconditions the front leaves to Django
    assert _get(front, url, if_match='"other"')["status"] == 412
    assert front.django.calls == 2


def test_visitors_django_must_see_still_reach_it(front, settings):
    url = de_and_tr("home")[0]
    _get(front, url)
    _get(front, url, cookie="csrftoken=abc")  # a CSRF cookie alone is no one signed in
    assert front.django.calls == 1
    for headers in (
        {"cookie": f"{settings.SESSION_COOKIE_NAME}=someone"},
        {"cookie": "messages=waiting"},
        {"authorization": "Bearer secret"},
    ):
        answer = _get(front, url, **headers)
        assert answer["status"] == 200
        assert answer["headers"].get("x-page-cache") != "hit"
    assert front.django.calls == 4
    # a host Django refuses is refused, not answered from the cache
    assert _get(front, url, host="attacker.example")["status"] == 400
    # another query string is another page; a POST is never answered from the cache
    _get(front, url + "?x=1")
    assert front.django.calls == 6
    settings.PAGE_CACHE_SECONDS = 0
    _get(front, url)
    assert front.django.calls == 7


def test_an_edit_reaches_the_next_visitor_through_the_front(front):
    summit = SummitFactory(slug="izmir", title_de="Gipfel Izmir")
    de, tr = de_and_tr("summits:detail", "izmir")
    for url in (de, tr):
        _get(front, url)
        assert _get(front, url)["headers"]["x-page-cache"] == "hit"
    Summit.objects.filter(pk=summit.pk).update(title_de="Gipfel Izmir 2027")
    fresh = _get(front, de)
    assert fresh["headers"]["x-page-cache"] == "miss"
    assert "Gipfel Izmir 2027" in fresh["body"].decode()
    assert _get(front, tr)["headers"]["x-page-cache"] == "miss"
