"""The DCAT-AP catalogue: it parses with rdflib (JSON-LD and Turtle alike, nothing fetched) and
names every dataset with its licence, publisher, languages, update frequency and distributions."""

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from newsletter.models import Issue
from opendata.datasets import DATASETS
from opendata.endpoints import API_DOCS, API_LISTS, API_SCHEMA
from tests.masterplan.factories import PlanFactory, adopt
from tests.newsletter.factories import issue_make

pytestmark = pytest.mark.django_db

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _graph(client, path="/api/dcat.jsonld", fmt="json-ld") -> Graph:
    response = client.get(path)
    assert response.status_code == 200
    return Graph().parse(data=response.content.decode(), format=fmt)


def _datasets(graph) -> dict[str, URIRef]:
    return {
        str(graph.value(node, DCT.identifier)): node
        for node in graph.subjects(RDF.type, DCAT.Dataset)
    }


def test_the_catalogue_names_every_dataset_with_licence_and_distributions(client):
    graph = _graph(client)

    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    datasets = _datasets(graph)
    assert set(datasets) == {dataset.key for dataset in DATASETS}
    assert set(graph.objects(catalogue, DCAT.dataset)) == set(datasets.values())
    assert graph.value(catalogue, DCT.license) == CC_BY
    publisher = graph.value(catalogue, DCT.publisher)
    assert str(graph.value(publisher, FOAF.name)) == settings.ASSOCIATION["name"]

    for key, node in datasets.items():
        titles = list(graph.objects(node, DCT.title))
        descriptions = list(graph.objects(node, DCT.description))
        assert {t.language for t in titles} == LANGUAGES, key
        assert {d.language for d in descriptions} == LANGUAGES, key
        assert graph.value(node, DCT.license) == CC_BY, key
        assert graph.value(node, DCT.publisher) == publisher, key
        assert str(graph.value(node, DCT.accrualPeriodicity)).startswith(
            "http://publications.europa.eu/resource/authority/frequency/"
        )
        assert len(list(graph.objects(node, DCT.language))) == 6, key
        distributions = list(graph.objects(node, DCAT.distribution))
        urls = {str(graph.value(d, DCAT.accessURL)) for d in distributions}
        for dataset in DATASETS:
            if dataset.key == key:
                expected = {settings.SITE_URL + path for path in dataset.api_paths}
                assert expected <= urls, key
        assert settings.SITE_URL + API_SCHEMA in urls, key
        for distribution in distributions:
            assert graph.value(distribution, RDF.type) == DCAT.Distribution
            assert graph.value(distribution, DCT.license) == CC_BY
            assert graph.value(distribution, DCT["format"]) is not None


def test_the_existing_downloads_are_distributions_in_every_language(client):
    graph = _graph(client)
    datasets = _datasets(graph)
    urls = {
        key: {str(graph.value(d, DCAT.accessURL)) for d in graph.objects(node, DCAT.distribution)}
        for key, node in datasets.items()
    }
    for code in LANGUAGES:
        assert f"{settings.SITE_URL}/{code}/masterplan/dashboard.csv" in urls["masterplan"]
        assert f"{settings.SITE_URL}/{code}/bulletin/feed/" in urls["bulletin"]


def test_the_api_is_a_data_service_serving_every_dataset(client):
    graph = _graph(client)
    (service,) = graph.subjects(RDF.type, DCAT.DataService)
    assert str(graph.value(service, DCAT.endpointURL)) == settings.SITE_URL + "/api/v1/"
    assert str(graph.value(service, DCAT.endpointDescription)) == settings.SITE_URL + API_SCHEMA
    assert set(graph.objects(service, DCAT.servesDataset)) == set(_datasets(graph).values())


def test_the_turtle_says_the_same_as_the_json_ld(client):
    response = client.get("/api/dcat.ttl")
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    assert isomorphic(_graph(client), _graph(client, "/api/dcat.ttl", "turtle"))


def test_the_catalogue_is_open_to_other_sites(client):
    response = client.get("/api/dcat.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    # under /api/ the API's policy for shared caches holds (api.middleware)
    cache_control = response["Cache-Control"]
    assert cache_control.startswith("public")
    assert "s-maxage=" in cache_control
    assert client.post("/api/dcat.jsonld").status_code == 405


def test_modified_dates_come_from_the_data(client):
    plan = adopt(PlanFactory())
    published = timezone.now() - datetime.timedelta(days=3)
    issue = issue_make(number=3, status=Issue.Status.SENT, published_at=published)
    issue_make(number=4, status=Issue.Status.DRAFT)  # a draft's changes are not published
    graph = _graph(client)
    bulletin = _datasets(graph)["bulletin"]
    modified = graph.value(bulletin, DCT.modified).toPython()
    assert modified == issue.updated_at.replace(microsecond=0)
    masterplan = graph.value(_datasets(graph)["masterplan"], DCT.modified).toPython()
    assert masterplan == plan.status_changed_at.replace(microsecond=0)
    # the partner-city lists carry no change date: none is made up
    assert graph.value(_datasets(graph)["partnerships"], DCT.modified) is None


@override_settings(
    OPEN_DATA_LICENCE={"url": "https://www.govdata.de/dl-de/by-2-0", "name": "dl-de/by-2-0"}
)
def test_the_association_can_choose_another_licence(client):
    graph = _graph(client)
    licence = URIRef("https://www.govdata.de/dl-de/by-2-0")
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert graph.value(catalogue, DCT.license) == licence
    assert (licence, None, Literal("dl-de/by-2-0")) in graph
    assert all(graph.value(d, DCT.license) == licence for d in _datasets(graph).values())
    page = client.get("/en/open-data/").content.decode()
    assert 'href="https://www.govdata.de/dl-de/by-2-0" rel="license"' in page


def test_every_distribution_path_resolves(client):
    """Every address the catalogue and the open-data page name answers. The JSON API and its
    schema and docs come from the `api` app: this passes once both are merged."""
    adopt(PlanFactory())  # the indicators' CSV is there once a plan is adopted
    graph = _graph(client)
    urls = {str(url) for url in graph.objects(None, DCAT.accessURL)}
    paths = {url.removeprefix(settings.SITE_URL) for url in urls}
    paths |= {API_DOCS, API_SCHEMA, *API_LISTS.values()}
    assert all(url.startswith(settings.SITE_URL + "/") for url in urls)
    failures = {}
    for path in sorted(paths):
        status = client.get(path).status_code
        if status != 200:
            failures[path] = status
    assert failures == {}
