"""Reading the JSON-LD of a page as a consumer would, without the network.

pyld expands the documents with a document loader that answers only for schema.org's context,
from a small local copy (its @vocab and the properties whose values are IRIs); any other URL
fails the test, so nothing is ever fetched.
"""

import json
import re

from pyld import jsonld

SCHEMA = "http://schema.org/"
SCHEMA_CONTEXT_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org/"}
# schema.org's own context maps https://schema.org to this vocabulary (http, for history).
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        **{
            term: {"@id": f"{SCHEMA}{term}", "@type": "@id"}
            for term in ("url", "sameAs", "logo", "image", "eventStatus", "eventAttendanceMode")
        },
    }
}
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def local_loader(url, options=None):
    if url not in SCHEMA_CONTEXT_URLS:
        raise AssertionError(f"pyld tried to load {url}: the tests must not use the network")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": SCHEMA_CONTEXT,
    }


def blocks(html: str) -> list[dict]:
    """Every JSON-LD block of a page, parsed."""
    return [json.loads(text) for text in BLOCK.findall(html)]


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": local_loader})


def nodes(expanded) -> list[dict]:
    """Every node object of an expanded document, nested ones included."""
    found = []

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            if "@value" in value:
                return
            found.append(value)
            for key, item in value.items():
                if not key.startswith("@"):
                    walk(item)

    walk(expanded)
    return found


def types(expanded) -> set[str]:
    return {t.removeprefix(SCHEMA) for node in nodes(expanded) for t in node.get("@type", [])}


def values(node: dict, term: str) -> list:
    return [item.get("@value", item.get("@id", item)) for item in node.get(SCHEMA + term, [])]


def of_type(expanded, name: str) -> list[dict]:
    return [node for node in nodes(expanded) if SCHEMA + name in node.get("@type", [])]
