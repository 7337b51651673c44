"""Generated hostile input against every URL parameter, query string and form of the portal.

Hypothesis sends long strings, NUL and other control characters, any unicode, numbers of the wrong
kind and size, missing and repeated fields, odd file uploads and bodies over the size limit to every
public and member URL (the URLconf is walked, so a new URL without an entry here fails the suite).
Every answer must be below 500, and the data of another member must not change. Runs on SQLite and
on PostgreSQL (CI), which refuses NUL in text. The number of examples is bounded
(FUZZ_EXAMPLES, default 24 per form) to keep the run near a minute.
"""

import os
import time
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLPattern, URLResolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.forms import forms_of
from tests.security.world import build_world, member_urls, public_urls

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "24"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# URL parameters and query strings: fewer examples per route, there are 40 routes and 70 pages
FUZZ_PARAMETERS = settings(FUZZ, max_examples=max(2, EXAMPLES // 2))
FUZZ_QUERIES = settings(FUZZ, max_examples=max(2, EXAMPLES // 3))
STATS = {"requests": 0, "examples": 0}

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\r\nSet-Cookie: x=1",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "12,50",
    "1.250,50",
    "<script>alert(1)</script>",
    "' OR '1'='1' --",
    "../../../etc/passwd",
    "İıŞşĞğÇçÖöÜü",
    "\u202eevil\u202c",
    "\U0001f600" * 30,
    "%00%ff",
    "=cmd|' /C calc'!A0",
]
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x1F), max_size=10),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=1000, max_value=70_000).map(lambda n: "x" * n),
)
VALUE = st.one_of(TEXT, st.lists(TEXT, min_size=2, max_size=3))
# The test client sends only a plain file name (Django's own check refuses '', '..' and paths).
FILE_NAME = st.one_of(st.sampled_from(["a.pdf", "a.exe", "x" * 300 + ".pdf"]), TEXT).map(
    lambda name: os.path.basename(name).replace("\x00", "")
)
UPLOAD = st.builds(
    lambda name, content, kind: SimpleUploadedFile(name, content, content_type=kind),
    FILE_NAME.filter(lambda name: name.strip() not in ("", ".", "..")),
    st.one_of(st.binary(max_size=2000), st.just(b"%PDF-1.4\n%%EOF")),
    st.sampled_from(["application/pdf", "image/png", "text/html", ""]),
)

NOT_FUZZED = ("admin/", "accounts/", "healthz", "robots.txt", "sitemap.xml", "media/")


def _walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), namespace + entry.name, entry


def site_patterns() -> list[tuple[str, str, URLPattern]]:
    """(route, URL name, pattern) of every page of the site that is not the admin or allauth."""
    return [
        (route, name, pattern)
        for route, name, pattern in _walk(get_resolver())
        if not any(route.lstrip("^").split("/", 1)[-1].startswith(p) for p in NOT_FUZZED)
        and not route.startswith(NOT_FUZZED)
    ]


@pytest.fixture
def world(db):
    return build_world()


def _snapshot(member) -> dict:
    """Everything of `member` another visitor could try to change."""
    from ambassadors.models import Activity, Ambassador, Evidence, PersonalGoal
    from offices.models import ActivityReport, AnnualReport, FundingRequest, Office, OfficeDocument

    def rows(queryset):
        return [model_to_dict(row) | {"pk": row.pk} for row in queryset.order_by("pk")]

    ambassador, office = member.ambassador, member.office
    user = member.user
    user.refresh_from_db()
    return {
        "user": (user.email, user.name, user.password, user.is_active),
        "ambassador": rows(Ambassador.objects.filter(pk=ambassador.pk)),
        "evidence": rows(Evidence.objects.filter(ambassador=ambassador)),
        "activities": rows(Activity.objects.filter(ambassador=ambassador)),
        "goals": rows(PersonalGoal.objects.filter(ambassador=ambassador)),
        "office": rows(Office.objects.filter(pk=office.pk)),
        "documents": rows(OfficeDocument.objects.filter(office=office)),
        "funding": rows(FundingRequest.objects.filter(office=office)),
        "reports": rows(AnnualReport.objects.filter(office=office)),
        "highlights": rows(ActivityReport.objects.filter(office=office)),
    }


def _send(client, method, url, **kwargs):
    STATS["requests"] += 1
    response = getattr(client, method)(url, **kwargs)
    assert response.status_code < 500, (method, url, kwargs, response.status_code)
    return response


def test_every_page_of_the_site_is_in_the_fuzz_lists(world):
    known = set(public_urls(world)) | set(member_urls(world.alice))
    missing = sorted(name for _route, name, _p in site_patterns() if name not in known)
    assert missing == []


def test_url_parameters_of_every_route(client, world):
    """Every <param> of every route, replaced by generated text (percent-encoded)."""
    started = time.monotonic()
    client.force_login(world.alice.user)
    routes = [route for route, _name, _p in site_patterns() if "<" in route]
    assert len(routes) > 20
    for route in routes:
        template = "/" + route.replace("^", "").replace("\\Z", "")

        @FUZZ_PARAMETERS
        @given(values=st.lists(TEXT, min_size=4, max_size=4))
        def attack(values):
            STATS["examples"] += 1
            path, parts = template, iter(values)  # noqa: B023 (attack runs in this iteration)
            while "<" in path:
                start, end = path.index("<"), path.index(">")
                path = path[:start] + quote(next(parts)[:300], safe="") + path[end + 1 :]
            _send(client, "get", path)
            _send(client, "post", path, data={"x": "1"})

        attack()
    print(f"\nURL parameters: {len(routes)} routes, {STATS} in {time.monotonic() - started:.1f}s")


def test_query_strings_of_every_page(client, world):
    started = time.monotonic()
    urls = list(public_urls(world).values())
    client.force_login(world.alice.user)
    urls += list(member_urls(world.alice).values())
    names = ["q", "page", "sort", "year", "lang", "sep", "code", "country", "field", "status"]

    for url in urls:

        @FUZZ_QUERIES
        @given(query=st.dictionaries(st.one_of(st.sampled_from(names), TEXT), VALUE, max_size=4))
        def attack(query):
            STATS["examples"] += 1
            _send(client, "get", url, data=query)  # noqa: B023

        attack()
    print(f"\nQuery strings: {len(urls)} pages, {STATS} in {time.monotonic() - started:.1f}s")


def _form_targets(client, world):
    """(url, field kinds, choices) of every POST form on every page, plus POST-only URLs."""
    targets = {}
    pages = [*public_urls(world).values(), reverse("account_login")]
    pages.append(reverse("account_reset_password"))
    for member_page in (False, True):
        if member_page:
            client.force_login(world.alice.user)
            pages = list(member_urls(world.alice).values())
        for url in pages:
            response = client.get(url)
            if response.status_code == 405:
                targets[(member_page, url)] = ({"text": "textarea", "target": "text"}, {})
                continue
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in forms_of(response.content.decode()):
                if form.method != "post":
                    continue
                action = form.action or url
                fields = {k: v for k, v in form.fields.items() if k != "csrfmiddlewaretoken"}
                targets[(member_page, action)] = (fields, form.choices)
        client.logout()
    return targets


def _form_data(fields: dict[str, str], choices: dict[str, list[str]]):
    optional = {}
    for name, kind in fields.items():
        if kind == "file":
            optional[name] = UPLOAD
        elif choices.get(name):
            optional[name] = st.one_of(st.sampled_from(choices[name]), VALUE)
        else:
            optional[name] = VALUE
    return st.fixed_dictionaries({}, optional=optional).flatmap(
        lambda data: st.dictionaries(TEXT, TEXT, max_size=2).map(lambda extra: extra | data)
    )


def test_every_form_of_the_site(client, world):
    """Generated data into every public and member form; bob's data stays as it was."""
    started = time.monotonic()
    before = _snapshot(world.bob)
    targets = _form_targets(client, world)
    assert len(targets) >= 20, sorted(targets)
    for (member_page, url), (fields, choices) in sorted(targets.items()):
        client.logout()
        if member_page:
            client.force_login(world.alice.user)

        @FUZZ
        @given(data=_form_data(fields, choices))
        def attack(data):
            STATS["examples"] += 1
            for upload in data.values():
                if isinstance(upload, SimpleUploadedFile):
                    upload.seek(0)
            _send(client, "post", url, data=data)  # noqa: B023

        attack()
    assert _snapshot(world.bob) == before
    print(f"\nForms: {len(targets)} forms, {STATS} in {time.monotonic() - started:.1f}s")


def test_bodies_over_the_limit_are_refused_everywhere(client, world, settings):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE, or too many fields, is a 400, never a 500."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    targets = _form_targets(client, world)
    client.force_login(world.alice.user)
    huge = "x=" + "y" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    many = {f"f{i}": "1" for i in range(1200)}
    for _member_page, url in targets:
        response = _send(
            client, "post", url, data=huge, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (400, 403, 404, 405, 413), url
        _send(client, "post", url, data=many)
