"""The schema.org JSON-LD of the public pages: it expands with pyld (no network), carries the
types a search engine or a harvester looks for, says the language, and holds only public data."""

import datetime
import json

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from newsletter.models import Issue
from offices.models import Office
from summits.models import Summit
from tests.factories import CityFactory
from tests.newsletter.factories import issue_make
from tests.offices.factories import BoardMemberFactory, OfficeFactory
from tests.opendata.linked_data import SCHEMA, blocks, expand, of_type, types, values
from tests.summits.factories import (
    RegistrationFactory,
    SessionFactory,
    SpeakerFactory,
    SummitFactory,
)

pytestmark = pytest.mark.django_db


def _de(name: str, *args) -> str:
    with translation.override("de"):
        return reverse(name, args=args)


def _page(client, url) -> list:
    response = client.get(url)
    assert response.status_code == 200
    found = blocks(response.content.decode())
    assert len(found) == 1, url
    return found


@pytest.fixture
def summit():
    summit = SummitFactory(
        slug="bremen-2027",
        title="Gipfel Bremen",
        title_tr="Bremen Zirvesi",
        format=Summit.Format.HYBRID,
        address="Am Markt 21, 28195 Bremen",
    )
    speaker = SpeakerFactory(name="Ayşe Yılmaz", affiliation="İzmir Büyükşehir Belediyesi")
    opening = SessionFactory(summit=summit, title_de="Eröffnung", room="Festsaal", language="tr")
    opening.speakers.add(speaker)
    SessionFactory(
        summit=summit,
        title_de="Jugend online",
        starts_at=opening.ends_at,
        ends_at=opening.ends_at + datetime.timedelta(hours=1),
        stream_url="https://stream.example.org/jugend",
    )
    return summit


def test_a_summit_is_an_event_with_its_sessions_as_sub_events_and_a_place(client, summit):
    (document,) = _page(client, _de("summits:detail", summit.slug))
    expanded = expand(document)

    assert {"Event", "Place", "PostalAddress", "Person", "Organization"} <= types(expanded)
    (event,) = [node for node in of_type(expanded, "Event") if SCHEMA + "subEvent" in node]
    assert values(event, "name") == ["Gipfel Bremen"]
    assert values(event, "inLanguage") == ["de"]
    assert values(event, "startDate") == [summit.start_date.isoformat()]
    assert values(event, "eventAttendanceMode") == ["https://schema.org/MixedEventAttendanceMode"]
    sessions = event[SCHEMA + "subEvent"]
    assert [values(s, "name") for s in sessions] == [["Eröffnung"], ["Jugend online"]]
    assert all(SCHEMA + "Event" in s["@type"] for s in sessions)
    # times with the summit's own offset (Bremen: +01:00 or +02:00), and each session's language
    assert values(sessions[0], "startDate")[0].endswith(("+01:00", "+02:00"))
    assert values(sessions[0], "inLanguage") == ["tr"]
    (speaker,) = sessions[0][SCHEMA + "performer"]
    assert values(speaker, "name") == ["Ayşe Yılmaz"]

    (place,) = of_type(expanded, "Place")[:1]
    (address,) = place[SCHEMA + "address"]
    assert values(address, "streetAddress") == ["Am Markt 21"]
    assert values(address, "postalCode") == ["28195"]
    assert values(address, "addressCountry") == ["DE"]
    assert of_type(expanded, "VirtualLocation")


def test_the_summit_speaks_the_language_of_the_page(client, summit):
    with translation.override("tr"):
        url = reverse("summits:detail", args=[summit.slug])
    (document,) = _page(client, url)
    assert document["name"] == "Bremen Zirvesi"
    assert document["inLanguage"] == "tr"
    assert document["url"].endswith("/tr/summits/bremen-2027/")


def test_a_title_cannot_end_the_script_element(client):
    summit = SummitFactory(title='</script><script>alert("x")</script> & <!-- Gipfel')
    html = client.get(_de("summits:detail", summit.slug)).content.decode()
    start = html.index('<script type="application/ld+json">')
    block = html[start : html.index("</script>", start)]
    assert "<" not in block[len('<script type="application/ld+json">') :]
    (document,) = blocks(html)
    assert document["name"] == summit.title_de


def test_an_office_is_an_organization_with_its_address(client):
    office = OfficeFactory(
        name="İzmir-Büro Bremen",
        slug="bremen",
        city=CityFactory(name="Bremen", country="DE"),
        address="Langenstraße 2\n28195 Bremen",
        description_de="Treffpunkt für Bremen und İzmir.",
        website="https://izmir-bremen.example.org",
    )
    (document,) = _page(client, _de("offices:detail", office.slug))
    expanded = expand(document)

    assert {"Organization", "PostalAddress"} <= types(expanded)
    organization = next(n for n in of_type(expanded, "Organization") if SCHEMA + "address" in n)
    assert values(organization, "name") == ["İzmir-Büro Bremen"]
    assert values(organization, "sameAs") == ["https://izmir-bremen.example.org"]
    (address,) = organization[SCHEMA + "address"]
    assert values(address, "streetAddress") == ["Langenstraße 2"]
    assert values(address, "addressLocality") == ["Bremen"]
    assert values(address, "addressCountry") == ["DE"]
    (parent,) = organization[SCHEMA + "parentOrganization"]
    assert parent["@id"].endswith("/#organization")


@override_settings(
    ASSOCIATION={
        "name": "Verein Weltstadt Izmir e.V.",
        "address": "Schlachte 3\n28195 Bremen\nDeutschland",
        "email": "info@weltstadt-izmir.org",
        "register": "",
        "represented_by": "",
    }
)
def test_the_home_page_describes_the_association(client):
    (document,) = _page(client, "/tr/")
    expanded = expand(document)

    (association,) = of_type(expanded, "Organization")
    assert values(association, "name") == ["Verein Weltstadt Izmir e.V."]
    assert values(association, "url")[0].endswith("/tr/")
    assert values(association, "logo")[0].endswith(".svg")
    assert values(association, "knowsLanguage") == ["de", "tr", "en", "fr", "it", "es"]
    (address,) = association[SCHEMA + "address"]
    assert values(address, "streetAddress") == ["Schlachte 3"]
    assert values(address, "postalCode") == ["28195"]
    assert values(address, "addressLocality") == ["Bremen"]
    assert values(address, "addressCountry") == ["Deutschland"]


def test_a_bulletin_issue_is_a_publication_issue_of_news_articles(client):
    issue = issue_make(number=7, status=Issue.Status.SENT, published_at=timezone.now())
    (document,) = _page(client, "/tr/bulletin/7/")
    expanded = expand(document)

    assert {"PublicationIssue", "NewsArticle", "Periodical"} <= types(expanded)
    (publication,) = of_type(expanded, "PublicationIssue")
    assert values(publication, "name") == ["Issue 7 [tr]"]
    assert values(publication, "inLanguage") == ["tr"]
    articles = of_type(expanded, "NewsArticle")
    assert [values(a, "headline") for a in articles] == [["Article 0 [tr]"], ["Article 1 [tr]"]]

    article = issue.articles.order_by("position").first()
    (document,) = _page(client, f"/de/bulletin/7/{article.pk}/")
    expanded = expand(document)
    assert {"PublicationIssue", "NewsArticle"} <= types(expanded)


def test_an_issue_shown_in_its_fallback_edition_says_so(client):
    issue_make(number=8, languages=["de"], status=Issue.Status.SENT, published_at=timezone.now())
    (document,) = _page(client, "/tr/bulletin/8/")
    assert document["inLanguage"] == "de"
    assert document["name"] == "Issue 8 [de]"


def test_the_json_ld_holds_no_private_data(client, summit):
    office = OfficeFactory(slug="wien", email="wien@weltstadt-izmir.example", phone="+43 1 234")
    BoardMemberFactory(office=office, name="Board Person", email="board.private@example.org")
    RegistrationFactory(summit=summit, name="Private Participant", email="guest@example.org")
    SummitFactory(slug="draft-summit", title_de="Entwurfsgipfel", status=Summit.Status.DRAFT)
    OfficeFactory(slug="planned", name="Geplantes Büro", status=Office.Status.PLANNED)
    issue_make(number=9, status=Issue.Status.DRAFT)
    issue_make(number=10, status=Issue.Status.SENT, published_at=timezone.now())

    pages = [
        "/de/",
        _de("summits:detail", summit.slug),
        _de("offices:detail", office.slug),
        "/de/bulletin/10/",
    ]
    text = json.dumps([_page(client, url) for url in pages], ensure_ascii=False)
    for private in [
        "Board Person",
        "board.private@example.org",
        "Private Participant",
        "guest@example.org",
        "Entwurfsgipfel",
        "Geplantes Büro",
        "Issue 9",
        "capacity",
    ]:
        assert private not in text
    # what the office page itself shows as its contact is public
    assert "wien@weltstadt-izmir.example" in text
    # a draft summit and a planned office have no public page at all
    assert client.get(_de("summits:detail", "draft-summit")).status_code == 404
    assert client.get(_de("offices:detail", "planned")).status_code == 404
