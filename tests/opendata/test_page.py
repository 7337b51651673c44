"""The open-data page: in six languages, from the footer, naming every dataset with its API
endpoints and downloads, the licence, how to cite, and the links for developers."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.models import Issue
from opendata.datasets import DATASETS
from opendata.endpoints import API_DOCS, API_LISTS, API_SCHEMA
from tests.newsletter.factories import issue_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_page_answers_in_every_language_and_the_footer_links_it(client, language):
    page = client.get(f"/{language}/open-data/")
    assert page.status_code == 200
    assert page["Content-Language"] == language
    home = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/open-data/"' in home


def test_the_page_names_every_dataset_its_endpoints_downloads_and_licence(client):
    html = client.get("/en/open-data/").content.decode()
    for dataset in DATASETS:
        assert f'id="dataset-{dataset.key}"' in html
        assert str(dataset.title).replace("'", "&#x27;") in html
    for path in [*API_LISTS.values(), API_DOCS, API_SCHEMA, "/api/dcat.jsonld", "/api/dcat.ttl"]:
        assert f'href="{path}"' in html
    assert 'href="/en/masterplan/dashboard.csv"' in html
    assert 'href="/en/bulletin/feed/"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    # the citation example names the association, the dataset and the licence
    assert f"{settings.ASSOCIATION['name']}: Partner cities and partnerships." in html


def test_a_dataset_says_when_it_last_changed(client):
    issue_make(
        number=5,
        status=Issue.Status.SENT,
        published_at=timezone.now(),
        updated_at=timezone.now(),
    )
    html = client.get("/en/open-data/").content.decode()

    def card(key):
        start = html.index(f'id="dataset-{key}"')
        return html[start : html.index('id="dataset-', start + 1)]

    assert "Last changed on" in card("bulletin")
    assert "Last changed on" not in card("partnerships")


def test_the_page_costs_a_fixed_number_of_queries(client):
    # each query string is a page of its own for the page cache: every request below renders
    client.get("/en/open-data/?warm")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/en/open-data/?few")["X-Page-Cache"] == "miss"
    for number in range(10, 15):
        issue_make(number=number, status=Issue.Status.SENT, published_at=timezone.now())
    with CaptureQueriesContext(connection) as many:
        assert client.get("/en/open-data/?many")["X-Page-Cache"] == "miss"
    assert len(few) > 0
    assert len(many) == len(few)


def test_the_sitemap_lists_the_page(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{settings.SITE_URL}/tr/open-data/" in sitemap or "/tr/open-data/" in sitemap
