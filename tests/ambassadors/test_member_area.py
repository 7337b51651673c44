"""Acceptance 2: every member URL: the owner gets it, another ambassador a 404, a visitor the login.

The URLs are not listed by hand: they are read from the app's URLconf (certificates included), so
a member URL added later without a line in `KWARGS` below fails `test_every_member_url_is_known`.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, reverse

import ambassadors.urls
from ambassadors.certificates.models import Certificate
from tests.ambassadors.factories import (
    ActivityFactory,
    EvidenceFactory,
    MissionStatementFactory,
    PersonalGoalFactory,
)

MEMBER_PREFIX = "member/"
# For each member URL: how to fill its parameters from alice's records. `None` marks the URLs that
# carry no id of a record (they show whoever asks their own records; another ambassador gets a
# page of their own, never alice's).
KWARGS = {
    "progress": None,
    "profile": None,
    "activities": None,
    "mission_list": None,
    "documents": None,
    # the statement of a year is the same for every ambassador; the personal goals on it are not
    "mission_detail": lambda r: {"year": 2026},
    "mission_pdf": lambda r: {"year": 2026},
    "evidence_new": lambda r: {"module_pk": r["module"].pk},
    "evidence_document": lambda r: {"pk": r["evidence"].pk},
    "activity_edit": lambda r: {"pk": r["activity"].pk},
    "goal_report": lambda r: {"pk": r["goal"].pk},
    "certificate_pdf": lambda r: {"pk": r["certificate"].pk},
    "credential": lambda r: {"pk": r["certificate"].pk, "fmt": "png"},
}
OWN = {name for name, build in KWARGS.items() if build is None} | {"mission_detail", "mission_pdf"}


def _walk(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.name


def member_url_names() -> list[str]:
    """The name of every URL of the ambassadors app under member/, read from the URLconf."""
    routes = _walk(ambassadors.urls.urlpatterns)
    return [name for route, name in routes if route.startswith(MEMBER_PREFIX)]


@pytest.fixture
def alice_records(alice_ambassador, modules):
    evidence = EvidenceFactory(ambassador=alice_ambassador, module=modules[1])
    evidence.document.save("report.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    certificate = Certificate.objects.create(
        ambassador=alice_ambassador,
        year=2026,
        sequence=1,
        number="IZB-2026-0001",
        code="alice-code",
        holder_name="Alice Arslan",
        awarded_on=datetime.date(2026, 6, 1),
        signatory_name="Mayor",
        signatory_title="Mayor of İzmir",
    )
    return {
        "module": modules[1],
        "evidence": evidence,
        "activity": ActivityFactory(ambassador=alice_ambassador),
        "goal": PersonalGoalFactory(ambassador=alice_ambassador, year=2026),
        "statement": MissionStatementFactory(year=2026, status="published"),
        "certificate": certificate,
    }


def _urls(records):
    for name in member_url_names():
        build = KWARGS[name]
        kwargs = build(records) if build else {}
        yield name, reverse(f"ambassadors:{name}", kwargs=kwargs)


def test_every_member_url_is_known():
    names = member_url_names()
    assert len(names) == len(set(names)), "two member URLs share a name"
    assert set(names) == set(KWARGS), "a member URL has no line in KWARGS: add it to the tests"
    assert len(names) >= 12


@pytest.fixture
def allowed_methods(client, alice, alice_records):
    """Which of GET and POST each member URL answers for its owner (the other is a 405)."""
    client.force_login(alice)
    allowed = {}
    for name, url in _urls(alice_records):
        allowed[name] = []
        for method in ("get", "post"):
            data = {f"goal{alice_records['goal'].pk}-progress_report": "Done"}
            response = getattr(client, method)(url, data if method == "post" else {})
            if response.status_code == 405:
                continue
            assert response.status_code in (200, 302), (method, url, response.status_code)
            allowed[name].append(method)
        assert allowed[name], url
    client.logout()
    return allowed


def test_the_owner_reaches_every_member_url(allowed_methods):
    assert set(allowed_methods) == set(KWARGS)
    assert allowed_methods["goal_report"] == ["post"]
    assert allowed_methods["profile"] == ["get", "post"]


def test_another_ambassador_gets_404_on_every_member_url(
    client, bob, bob_ambassador, alice_records, allowed_methods
):
    """Bob is an ambassador too (another cohort); nothing of alice's is reachable for him. The
    URLs without an id show bob his own records, never alice's."""
    client.force_login(bob)
    for name, url in _urls(alice_records):
        if name in OWN:
            response = client.get(url)
            assert response.status_code in (200, 302), url
            body = b"".join(response.streaming_content) if response.streaming else response.content
            html = body.decode(errors="replace")  # bob's own mission PDF is answered at once
            for alices in ("Alice", "Bremen–İzmir friendship", "Organise a İzmir evening",
                           "report.pdf", "IZB-2026-0001"):  # fmt: skip
                assert alices not in html, (url, alices)
            continue
        for method in allowed_methods[name]:
            assert getattr(client, method)(url).status_code == 404, (method, url)
    goal = alice_records["goal"]
    goal.refresh_from_db()
    assert goal.progress_report == "Done"  # only alice's own report, from allowed_methods


def test_a_member_who_is_no_ambassador_gets_404(client, charlie, alice_records, allowed_methods):
    client.force_login(charlie)
    for name, url in _urls(alice_records):
        for method in allowed_methods[name]:
            assert getattr(client, method)(url).status_code == 404, (method, url)


def test_an_anonymous_visitor_is_sent_to_login(client, alice_records):
    for _name, url in _urls(alice_records):
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, (method, url)
            # the login page in the language of the page asked for
            language = url.split("/")[1]
            assert response["Location"].startswith(f"/{language}/accounts/login/?next="), url


def test_the_member_home_shows_the_ambassador_section_only_to_ambassadors(
    client, alice, charlie, alice_ambassador
):
    client.force_login(alice)
    assert "/de/ambassadors/member/" in client.get("/de/member/").content.decode()
    client.force_login(charlie)
    assert "/de/ambassadors/member/" not in client.get("/de/member/").content.decode()
