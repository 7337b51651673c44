"""The DCAT-AP catalogue of the open data, as JSON-LD (and as Turtle through rdflib).

The JSON-LD carries its own context (prefixes only): a harvester, rdflib or pyld reads it
without fetching anything. Titles and descriptions are given in the six languages of the site.
"""

import datetime
import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rdflib import Graph

from opendata.datasets import DATASETS, Dataset, as_datetime
from opendata.endpoints import API_DOCS, API_ROOT, API_SCHEMA

EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE_IRIS = {
    "de": "DEU",
    "tr": "TUR",
    "en": "ENG",
    "fr": "FRA",
    "it": "ITA",
    "es": "SPA",
}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
CATALOGUE_TITLE = _("Open data of Verein Weltstadt Izmir")
CATALOGUE_DESCRIPTION = _(
    "City partnerships, city networks, promotion offices, partner-city summits, the İzmir "
    "Bulletin and the external-relations master plan of İzmir, as published on the portal."
)
API_TITLE = _("Weltstadt Izmir open-data API (JSON)")
SCHEMA_TITLE = _("OpenAPI description of the API")


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def catalogue_url() -> str:
    return absolute(reverse("dcat_jsonld"))


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _in_every_language(text) -> list[dict]:
    values = []
    for code in _languages():
        with translation.override(code):
            values.append({"@value": str(text), "@language": code})
    return values


def _url_in_every_language(url_name: str) -> list[str]:
    urls = []
    for code in _languages():
        with translation.override(code):
            urls.append(absolute(reverse(url_name)))
    return urls


def _iri(value: str) -> dict:
    return {"@id": value}


def _date(value) -> dict | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.astimezone(datetime.UTC).replace(microsecond=0)
        return {"@value": value.isoformat(), "@type": "xsd:dateTime"}
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _language_iris(codes=None) -> list[dict]:
    return [_iri(f"{EU}language/{LANGUAGE_IRIS[c]}") for c in codes or _languages()]


def _licence() -> dict:
    licence = settings.OPEN_DATA_LICENCE
    return {
        "@id": licence["url"],
        "@type": "dct:LicenseDocument",
        "rdfs:label": licence["name"],
    }


def publisher() -> dict:
    association = settings.ASSOCIATION
    return {
        "@id": absolute("/#organization"),
        "@type": ["foaf:Agent", "foaf:Organization"],
        "foaf:name": association["name"],
        "foaf:homepage": _iri(absolute("/")),
        "foaf:mbox": _iri(f"mailto:{association['email']}"),
        "dct:type": _iri(f"{EU}publisher-type/NonProfitOrganisation"),
    }


def _contact_point() -> dict:
    association = settings.ASSOCIATION
    return {
        "@type": "vcard:Organization",
        "vcard:fn": association["name"],
        "vcard:hasEmail": _iri(f"mailto:{association['email']}"),
    }


def _service_id() -> str:
    return catalogue_url() + "#api"


def _distribution(dataset: Dataset, n: int, **fields) -> dict:
    return {
        "@id": f"{catalogue_url()}#{dataset.key}-distribution-{n}",
        "@type": "dcat:Distribution",
        "dct:license": _iri(settings.OPEN_DATA_LICENCE["url"]),
        **fields,
    }


def _distributions(dataset: Dataset) -> list[dict]:
    schema = _iri(absolute(API_SCHEMA))
    distributions = [
        {
            "dct:title": path,
            "dcat:accessURL": _iri(absolute(path)),
            "dcat:downloadURL": _iri(absolute(path)),
            "dcat:mediaType": _iri("https://www.iana.org/assignments/media-types/application/json"),
            "dct:format": _iri(f"{EU}file-type/JSON"),
            "dct:conformsTo": schema,
            "dcat:accessService": _iri(_service_id()),
            "dct:language": _language_iris(),
        }
        for path in dataset.api_paths
    ]
    for download in dataset.downloads:
        for code in _languages():
            with translation.override(code):
                url = absolute(reverse(download.url_name))
                title = {"@value": str(download.title), "@language": code}
            distributions.append(
                {
                    "dct:title": title,
                    "dcat:accessURL": _iri(url),
                    "dcat:downloadURL": _iri(url),
                    "dcat:mediaType": _iri(
                        f"https://www.iana.org/assignments/media-types/{download.media_type}"
                    ),
                    "dct:format": _iri(f"{EU}file-type/{download.file_type}"),
                    "dct:language": _language_iris([code]),
                }
            )
    distributions.append(
        {
            "dct:title": _in_every_language(SCHEMA_TITLE),
            "dcat:accessURL": schema,
            "dcat:downloadURL": schema,
            "dcat:mediaType": _iri(
                "https://www.iana.org/assignments/media-types/application/vnd.oai.openapi"
            ),
            "dct:format": _iri(f"{EU}file-type/YAML"),
            "foaf:page": _iri(absolute(API_DOCS)),
        }
    )
    return [_distribution(dataset, n, **fields) for n, fields in enumerate(distributions, 1)]


def _dataset(dataset: Dataset, modified) -> dict:
    node = {
        "@id": f"{catalogue_url()}#{dataset.key}",
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.key,
        "dct:title": _in_every_language(dataset.title),
        "dct:description": _in_every_language(dataset.description),
        "dcat:keyword": [kw for keyword in dataset.keywords for kw in _in_every_language(keyword)],
        "dcat:theme": [_iri(f"{EU}data-theme/{theme}") for theme in dataset.themes],
        "dct:publisher": _iri(absolute("/#organization")),
        "dcat:contactPoint": _contact_point(),
        "dct:license": _iri(settings.OPEN_DATA_LICENCE["url"]),
        "dct:language": _language_iris(),
        "dct:accrualPeriodicity": _iri(f"{EU}frequency/{dataset.periodicity}"),
        "dct:spatial": _iri("http://sws.geonames.org/311046/"),  # İzmir
        "dcat:landingPage": [_iri(url) for url in _url_in_every_language(dataset.landing)],
        "dcat:distribution": _distributions(dataset),
    }
    if modified is not None:
        node["dct:modified"] = _date(modified)
    return node


def _service() -> dict:
    return {
        "@id": _service_id(),
        "@type": "dcat:DataService",
        "dct:title": _in_every_language(API_TITLE),
        "dcat:endpointURL": _iri(absolute(API_ROOT)),
        "dcat:endpointDescription": _iri(absolute(API_SCHEMA)),
        "foaf:page": _iri(absolute(API_DOCS)),
        "dct:license": _iri(settings.OPEN_DATA_LICENCE["url"]),
        "dct:publisher": _iri(absolute("/#organization")),
        "dcat:servesDataset": [_iri(f"{catalogue_url()}#{d.key}") for d in DATASETS],
    }


def dataset_modified() -> dict[str, datetime.datetime | datetime.date | None]:
    """When each dataset last changed, where its data says so (one query or two each)."""
    return {dataset.key: dataset.modified() for dataset in DATASETS}


def catalogue() -> dict:
    """The DCAT-AP catalogue as a JSON-LD document."""
    modified = dataset_modified()
    known = [value for value in modified.values() if value is not None]
    document = {
        "@context": CONTEXT,
        "@id": catalogue_url(),
        "@type": "dcat:Catalog",
        "dct:title": _in_every_language(CATALOGUE_TITLE),
        "dct:description": _in_every_language(CATALOGUE_DESCRIPTION),
        "dct:publisher": publisher(),
        "foaf:homepage": _iri(absolute("/")),
        "dct:language": _language_iris(),
        "dct:license": _licence(),
        "dct:spatial": _iri("http://sws.geonames.org/311046/"),
        "dcat:themeTaxonomy": _iri(f"{EU}data-theme"),
        "dcat:dataset": [_dataset(d, modified[d.key]) for d in DATASETS],
        "dcat:service": [_service()],
    }
    if known:
        document["dct:modified"] = _date(max(known, key=as_datetime))
    return document


def catalogue_turtle(document: dict) -> str:
    """The same catalogue as Turtle."""
    graph = Graph()
    for prefix, iri in CONTEXT.items():
        graph.bind(prefix, iri)
    graph.parse(data=json.dumps(document), format="json-ld")
    return graph.serialize(format="turtle")
