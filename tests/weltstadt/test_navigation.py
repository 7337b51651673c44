"""The main navigation says where the visitor is (aria-current), for screen readers and eyes."""

import re

import pytest

from tests.summits.factories import SummitFactory


def _current_links(html: str) -> list[tuple[str, str]]:
    nav = html[html.index('id="main-nav"') : html.index("</nav>", html.index('id="main-nav"'))]
    return re.findall(r'<a href="[^"]*" aria-current="(\w+)">([^<]+)</a>', nav)


@pytest.mark.django_db
def test_it_marks_the_page_itself_as_current(client):
    assert _current_links(client.get("/en/partner-cities/").content.decode()) == [
        ("page", "Partner cities")
    ]
    assert _current_links(client.get("/de/bulletin/").content.decode()) == [("page", "Bulletin")]


@pytest.mark.django_db
def test_it_marks_the_programme_of_a_page_inside_it(client):
    summit = SummitFactory(status="open")
    response = client.get(f"/en/summits/{summit.slug}/")
    assert response.status_code == 200
    assert _current_links(response.content.decode()) == [("true", "Summits")]


@pytest.mark.django_db
def test_it_marks_nothing_on_the_home_page(client):
    assert _current_links(client.get("/tr/").content.decode()) == []
