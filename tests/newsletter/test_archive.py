"""The public archive: an Atom feed per language with the edition in that language."""

import xml.etree.ElementTree as ET

from django.utils import translation
from django.utils.translation import gettext

from newsletter.services.sending import issue_send
from tests.newsletter.factories import issue_make

ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client, language: str) -> ET.Element:
    response = client.get(f"/{language}/bulletin/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_there_is_an_atom_feed_per_language(client, db, run_on_commit):
    published = issue_make(number=8, languages=["de", "tr", "en"])
    with run_on_commit():
        issue_send(issue=published, by=None)
    issue_make(number=9, languages=["de", "tr", "en"])  # a draft: not in the feed

    turkish = _feed(client, "tr")
    assert turkish.get("{http://www.w3.org/XML/1998/namespace}lang") == "tr"
    with translation.override("tr"):
        assert turkish.findtext(f"{ATOM}title") == gettext("İzmir Bulletin")
    entries = turkish.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["#8 Issue 8 [tr]"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.endswith("/tr/bulletin/8/")
    assert turkish.find(f"{ATOM}link").get("href").endswith("/tr/bulletin/")

    english = _feed(client, "en")
    assert [e.findtext(f"{ATOM}title") for e in english.findall(f"{ATOM}entry")] == [
        "#8 Issue 8 [en]"
    ]
    # no French edition: the French feed carries the German one, linked under /fr/
    french = _feed(client, "fr")
    entry = french.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "#8 Issue 8 [de]"
    assert entry.find(f"{ATOM}link").get("href").endswith("/fr/bulletin/8/")


def test_the_archive_page_links_to_the_feed_of_its_language(client, db):
    page = client.get("/it/bulletin/").content.decode()
    assert 'type="application/atom+xml"' in page
    assert 'href="/it/bulletin/feed/"' in page
