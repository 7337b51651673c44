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


def test_a_page_in_a_language_without_its_edition_says_so_and_marks_the_german_text(
    client, db, run_on_commit
):
    issue = issue_make(number=5, languages=["de", "tr"])
    with run_on_commit():
        issue_send(issue=issue, by=None)
    with translation.override("en"):
        note = gettext("This issue is not available in your language yet; here is the edition in:")
    page = client.get("/en/bulletin/5/").content.decode()
    assert f'{note} <span lang="de">Deutsch</span>' in page
    assert '<h1 lang="de">Issue 5 [de]</h1>' in page
    article = issue.articles.first()
    detail = client.get(f"/en/bulletin/5/{article.pk}/").content.decode()
    assert f'{note} <span lang="de">Deutsch</span>' in detail
    turkish = client.get("/tr/bulletin/5/").content.decode()
    assert "bulletin-fallback-note" not in turkish


def test_a_fallback_reader_gets_the_mail_footer_in_their_language(db, run_on_commit, settings):
    from django.core import mail

    from tests.newsletter.factories import subscribers_make

    settings.ASSOCIATION = {**settings.ASSOCIATION, "address": "Marktstraße 1, 28195 Bremen"}
    issue = issue_make(number=6, languages=["de"])
    subscribers_make(1, language="fr")
    with run_on_commit():
        issue_send(issue=issue, by=None)
    french = mail.outbox[0]
    with translation.override("fr"):
        unsubscribe, imprint = gettext("Unsubscribe"), gettext("Imprint")
        unsubscribe_text = gettext("Unsubscribe:")
    assert unsubscribe != "Unsubscribe"
    html = french.alternatives[0][0]
    assert f">{unsubscribe}</a>" in html
    assert '<p style="font-size:12px;color:#5b6570;" lang="fr">' in html
    assert f"{unsubscribe_text} http" in french.body
    # the imprint duty: postal address and a link to the imprint page, in every issue
    assert "Marktstraße 1, 28195 Bremen" in html
    assert f'/fr/imprint/" style="color:#0b5e8a;">{imprint}</a>' in html
    assert "Marktstraße 1, 28195 Bremen" in french.body
    assert f"{imprint}: http" in french.body
