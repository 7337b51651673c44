"""The site search in Chromium on the demo content: the header box (without JavaScript too),
Turkish casing and suffixes, German stemming, the results page accessible at phone and desktop
width."""

import os
from pathlib import Path

import pytest
from django.db import connection

from tests.e2e.test_accessibility import _axe, _report
from weltstadt.demo import demo_seed_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = (
    Path(os.environ.get("SEARCH_SCREENSHOTS", "")) if os.environ.get("SEARCH_SCREENSHOTS") else None
)


@pytest.fixture
def open_page(chromium, live_server):
    contexts = []

    def make(*, width=1280, javascript=True):
        context = chromium.new_context(
            base_url=live_server.url,
            bypass_csp=True,  # to inject axe-core only; the pages stay as served
            java_script_enabled=javascript,
            viewport={"width": width, "height": 900 if width > 600 else 844},
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _search_from_header(page, language: str, words: str) -> list[str]:
    page.goto(f"/{language}/")
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url(f"**/{language}/search/?q=*")
    return page.locator(".search-results h2").all_inner_texts()


def _shot(page, name: str) -> None:
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_turkish_readers_find_izmir_in_any_casing_and_with_suffixes(open_page):
    demo_seed_all()
    page = open_page(width=390)
    titles = _search_from_header(page, "tr", "izmir")
    assert any("İzmir-Büro Bremen" in title for title in titles)
    assert page.locator(".search-results mark", has_text="İzmir").count() > 0
    assert page.locator(".search-kind").first.inner_text().strip()
    _shot(page, "tr-390-izmir")
    # "ızmır" typed with dotless ı, as a Turkish keyboard without capitals gives it
    assert any("İzmir" in title for title in _search_from_header(page, "tr", "IZMIR"))
    if violations := _axe(page):
        pytest.fail(_report({page.url: violations}))


def test_german_readers_search_without_javascript_and_find_unpublished_nothing(open_page):
    demo_seed_all()
    page = open_page(javascript=False)
    titles = _search_from_header(page, "de", "Partnerstädte")
    assert any("Partnerstädten" in title for title in titles)
    assert page.locator(".search-summary").inner_text()
    _shot(page, "de-1280-partnerstaedte")
    # the draft issue of the demo is not found, its published ones are
    from newsletter.models import Article, Issue

    draft = Article.objects.filter(issue__status=Issue.Status.DRAFT).first()
    published = Article.objects.filter(issue__status=Issue.Status.SENT).first()
    assert draft is not None
    assert published is not None
    assert draft.title_de not in _search_from_header(page, "de", draft.title_de)
    assert published.title_de in _search_from_header(page, "de", published.title_de)


@pytest.mark.postgres
def test_german_and_turkish_stemming(open_page):
    demo_seed_all()
    assert connection.vendor == "postgresql"
    page = open_page()
    # German: the partnership's note says "Partnerstadt"; only the stem matches the plural
    titles = _search_from_header(page, "de", "Partnerstädte Chengdu")
    assert "Chengdu – İzmir" in titles
    # Turkish -lerimiz ("our …s"): the stem finds "Şehirler" and "şehirlerle"
    titles = _search_from_header(page, "tr", "şehirlerimiz")
    assert any("Partner Şehirler Zirvesi" in title for title in titles)
    assert any("şehirlerle" in title for title in titles)


def test_the_results_page_is_accessible_at_phone_and_desktop_width(open_page):
    demo_seed_all()
    found = {}
    for width in (390, 1280):
        page = open_page(width=width)
        for language, words in (("de", "Gipfel"), ("tr", "zirve"), ("de", "nichtsdergleichen")):
            page.goto(f"/{language}/search/?q={words}")
            if violations := _axe(page):
                found[f"{page.url} ({width}px)"] = violations
            _shot(page, f"{language}-{width}-{words}")
        page.goto("/de/search/")
        if violations := _axe(page):
            found[f"{page.url} ({width}px)"] = violations
    if found:
        pytest.fail("axe-core found serious or critical violations:\n" + _report(found))
