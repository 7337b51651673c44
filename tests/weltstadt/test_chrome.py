"""The parts every page shares, kept rendered in each process (weltstadt.chrome): each visitor and
each page still gets its own header, switcher and navigation, and what shows rows is fresh at once
after a write, with the page cache off."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from newsletter.models import Issue
from tests.newsletter.factories import issue_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _account_link(html: str) -> str:
    start = html.index('class="account-link"')
    return html[start : html.index("</a>", start)]


def test_a_signed_in_member_gets_their_header_after_anonymous_visitors(client, alice):
    assert "Log in" in _account_link(client.get("/en/about/").content.decode())
    client.force_login(alice)
    assert "Member area" in _account_link(client.get("/en/about/").content.decode())
    client.logout()
    assert "Log in" in _account_link(client.get("/en/about/").content.decode())


def test_each_page_and_language_keeps_its_own_switcher_and_navigation(client):
    about = client.get("/tr/about/").content.decode()
    partners = client.get("/tr/partner-cities/").content.decode()
    german = client.get("/de/partner-cities/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in about
    assert 'href="/en/partner-cities/" hreflang="en"' in partners
    assert '<a href="/tr/partner-cities/" aria-current="page">' in partners
    assert '<a href="/tr/partner-cities/" aria-current="page">' not in about
    assert '<a href="/de/partner-cities/" aria-current="page">' in german


def test_the_search_box_keeps_what_each_visitor_typed(client):
    first = client.get("/de/search/?q=hafen").content.decode()
    second = client.get("/de/search/?q=messe").content.decode()
    assert 'name="q" value="hafen"' in first
    assert 'name="q" value="messe"' in second


def test_the_home_news_show_a_published_issue_at_once(client):
    assert "Article 0 [de]" not in client.get("/de/").content.decode()
    issue_make(number=3, status=Issue.Status.SENT)
    assert "Article 0 [de]" in client.get("/de/").content.decode()
    assert "Article 0 [tr]" in client.get("/tr/").content.decode()


def test_a_kept_part_holds_no_block_and_sets_no_variable():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load weltstadt_chrome %}{% languagecache %}{% block x %}{% endblock %}"
                 "{% endlanguagecache %}")  # fmt: skip
    with pytest.raises(TemplateSyntaxError):
        Template("{% load weltstadt_chrome i18n %}{% languagecache %}{% translate 'a' as b %}"
                 "{% endlanguagecache %}{{ b }}")  # fmt: skip


def test_a_kept_part_is_one_per_value_it_names():
    template = Template("{% load weltstadt_chrome %}{% languagecache n %}{{ n }}{{ m }}"
                        "{% endlanguagecache %}")  # fmt: skip
    assert template.render(Context({"n": 1, "m": "a"})) == "1a"
    assert template.render(Context({"n": 1, "m": "b"})) == "1a"  # m is not named: kept
    assert template.render(Context({"n": 2, "m": "b"})) == "2b"
