"""A NUL byte anywhere a person can type is a 400 (or a 404 for a token segment), never a 500.

PostgreSQL refuses NUL in text (DataError), so these requests were server errors there.
"""

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver

from tests.summits.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

TOKEN_URLS = [
    "/de/masterplan/expert/%00/",
    "/de/masterplan/ballot/%00/",
    "/de/masterplan/ballot/a%00b/",
    "/de/summits/registration/%00/",
    "/de/summits/registration/%00/cancel/",
    "/de/summits/delegation/%00/",
    "/de/bulletin/confirm/%00/",
    "/de/bulletin/unsubscribe/%00/",
    "/de/bulletin/preferences/%00/",
    "/de/verify/%00/",
]


@pytest.mark.parametrize("url", TOKEN_URLS)
def test_nul_in_a_token_segment_is_refused_not_a_server_error(client, url):
    assert client.get(url).status_code in (400, 404)
    assert client.post(url, {"name": "x"}).status_code in (400, 404)


@pytest.mark.parametrize(
    "segment", ["a" * 10_000, "x'--", "<script>", "%C3%A7" * 20, "short", "a.b"]
)
def test_a_token_segment_of_the_wrong_shape_is_a_404(client, segment):
    for prefix in ("masterplan/expert", "masterplan/ballot", "summits/registration"):
        assert client.get(f"/de/{prefix}/{segment}/").status_code == 404


def test_a_real_token_still_opens_its_page(client):
    registration = RegistrationFactory()
    response = client.get(f"/de/summits/registration/{registration.manage_token}/")
    assert response.status_code == 200


def test_nul_in_query_string_answers_the_translated_bad_request_page(client):
    response = client.get("/de/ambassadors/directory/?q=%00")
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    response = client.get("/tr/ambassadors/directory/", {"q\x00": "x"})
    assert response.status_code == 400
    assert "Geçersiz istek" in response.content.decode()


def test_nul_in_form_data_is_refused_and_changes_nothing(client):
    from newsletter.models import Subscriber

    response = client.post(
        "/de/bulletin/subscribe/", {"email": "nul@example.org", "name": "Ann\x00e"}
    )
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_nul_in_a_cookie_is_refused(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/de/").status_code == 400


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


# Parameters taken as free text on purpose: the admin's object ids (parsed by the admin, which
# answers a bad id with a redirect) and the verification code, which its view checks against
# CODE_PATTERN to explain a mistyped code.
FREE_TEXT_ALLOWED = ("admin/", "verify/<str:code>/", "media/<path:path>")


def test_no_public_url_takes_an_unchecked_string_parameter():
    loose = [
        route
        for route, _pattern in _patterns(get_resolver())
        if ("<str:" in route or "<path:" in route)
        and not any(allowed in route for allowed in FREE_TEXT_ALLOWED)
    ]
    assert loose == []


FORM_MODULES = ["ambassadors.forms", "newsletter.forms", "offices.forms", "summits.forms"]


def _form_classes():
    import importlib
    import inspect

    from django import forms

    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                yield cls


def test_every_text_field_of_the_public_and_member_forms_refuses_nul():
    """Behind the middleware, the forms themselves refuse NUL (Django's CharField validator), for
    code that fills a form from other data than a request."""
    from django import forms
    from django.core.validators import ProhibitNullCharactersValidator

    checked = 0
    for form_class in _form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.CharField):
                assert any(
                    isinstance(v, ProhibitNullCharactersValidator) for v in field.validators
                ), f"{form_class.__name__}.{name}"
                checked += 1
    assert checked >= 10
