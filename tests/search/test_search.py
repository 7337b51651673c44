"""The site search: finds public items in the reader's language, never unpublished ones, folds
Turkish casing, stems on PostgreSQL, and its page costs the same queries for any number of hits."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from newsletter.models import Article, Issue
from offices.models import Office
from offices.services.office import office_status_change
from search.models import SearchDocument
from search.selectors import query_words, search_page
from search.services import documents_rebuild
from summits.models import Summit
from summits.services.summit import summit_transition
from tests.factories import CityFactory, NetworkFactory, PartnershipFactory, UserFactory
from tests.masterplan.factories import IndicatorFactory, ObjectiveFactory, adopt
from tests.offices.factories import OfficeFactory
from tests.summits.factories import SessionFactory, SummitFactory

pytestmark = pytest.mark.django_db


def _titles(language: str, query: str) -> list[str]:
    with translation.override(language):
        page = search_page(query=query, language=language)
    return [result.document.title for result in page.object_list] if page else []


def _issue(status=Issue.Status.SENT, number=1, **texts) -> Article:
    issue = Issue.objects.create(
        number=number, date=datetime.date(2026, 11, 1), title_de="Ausgabe", status=status
    )
    return Article.objects.create(issue=issue, **texts)


def test_it_finds_a_published_article_with_its_kind_and_the_words_marked(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _issue(
            title_de="Neue Fährverbindung nach Bremen",
            body_de="<p>Die Partnerstadt Bremen und <b>İzmir</b> planen eine Fähre.</p>",
            title_tr="Bremen'e yeni feribot hattı",
            body_tr="<p>Kardeş şehir Bremen ile İzmir bir feribot planlıyor.</p>",
        )
    response = client.get(reverse("search:results") + "?q=Fähre", HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bulletin-Artikel" in html or "Bulletin article" in html
    assert "<mark>Fähre</mark>" in html
    assert "Fährverbindung" in html
    assert "<b>" not in html.split('class="search-results"')[1]  # the snippet is plain text
    with translation.override("tr"):
        url = reverse("search:results")
    response = client.get(url + "?q=feribot")
    assert "Bremen&#x27;e yeni <mark>feribot</mark> hattı" in response.content.decode()


def test_the_reader_gets_their_language_and_the_fallback_is_marked(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _issue(title_de="Nur auf Deutsch: Hafenfest", body_de="<p>Ein Fest am Hafen.</p>")
    assert _titles("de", "Hafenfest") == ["Nur auf Deutsch: Hafenfest"]
    # not translated: the Turkish reader finds the German text, marked lang="de"
    assert _titles("tr", "Hafenfest") == ["Nur auf Deutsch: Hafenfest"]
    document = SearchDocument.objects.get(language="tr")
    assert document.text_language == "de"
    with translation.override("tr"):
        response = client.get(reverse("search:results") + "?q=Hafenfest")
    assert '<article lang="de">' in response.content.decode()


def test_izmir_finds_İzmir_as_Turkish_readers_expect(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        OfficeFactory(name="İzmir-Büro Köln", description_tr="Köln'deki İZMİR ofisi, Kılıç ailesi")
    for query in ["izmir", "İZMİR", "IZMIR", "ızmir", "izm"]:
        assert _titles("tr", query) == ["İzmir-Büro Köln"], query
    assert _titles("tr", "kilic") == ["İzmir-Büro Köln"]
    assert _titles("de", "koln") == ["İzmir-Büro Köln"]


def test_unpublished_items_never_appear(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = _issue(status=Issue.Status.DRAFT, title_de="Geheimplan Zeppelin", body_de="x")
        summit = SummitFactory(title="Zeppelin-Gipfel", status=Summit.Status.DRAFT)
        SessionFactory(summit=summit, title="Zeppelin-Sitzung")
        office = OfficeFactory(name="Zeppelin-Büro", status=Office.Status.FOUNDING)
        objective = ObjectiveFactory(title="Zeppelin-Ziel", title_de="Zeppelin-Ziel")
        IndicatorFactory(objective=objective, name="Zeppelin-Kennzahl", name_de="Zeppelin-Kennzahl")
    assert _titles("de", "Zeppelin") == []
    assert not SearchDocument.objects.exists()
    staff = UserFactory(is_staff=True)

    # published through the programmes' own services: found
    with django_capture_on_commit_callbacks(execute=True):
        article.issue.status = Issue.Status.SENT
        article.issue.save()
        summit_transition(summit=summit, to=Summit.Status.OPEN, by=None)
        office_status_change(office=office, to=Office.Status.ACTIVE, by=staff, reason="x")
        adopt(objective.strategy.area.plan)
    found = set(_titles("de", "Zeppelin"))
    assert {
        "Geheimplan Zeppelin",
        "Zeppelin-Gipfel",
        "Zeppelin-Sitzung",
        "Zeppelin-Büro",
        "Zeppelin-Kennzahl",
    } <= found
    assert any("Zeppelin-Ziel" in title for title in found)

    # withdrawn or deleted: gone again
    with django_capture_on_commit_callbacks(execute=True):
        office_status_change(office=office, to=Office.Status.SUSPENDED, by=staff, reason="x")
        article.issue.status = Issue.Status.DRAFT
        article.issue.save()
        summit.delete()
    assert set(_titles("de", "Zeppelin")) == found - {
        "Geheimplan Zeppelin",
        "Zeppelin-Gipfel",
        "Zeppelin-Sitzung",
        "Zeppelin-Büro",
    }


def test_a_rebuild_indexes_only_public_items_and_is_idempotent():
    izmir = CityFactory(name="İzmir", country="TR")
    PartnershipFactory(city=izmir, partner=CityFactory(name="Mannheim", country="DE"))
    NetworkFactory(name="Eurocities", description="Netz europäischer Großstädte")
    OfficeFactory(name="Büro Mannheim", status=Office.Status.PLANNED)
    out = io.StringIO()
    call_command("search_rebuild", stdout=out)
    assert "12 documents" in out.getvalue()
    first = SearchDocument.objects.count()
    assert first == 2 * 6  # the partnership and the network, in six languages
    assert documents_rebuild() == first
    assert _titles("de", "mannheim") == ["Mannheim – İzmir"]
    assert _titles("en", "grossstadte") == ["Eurocities"]


@pytest.mark.parametrize("query", ["", "   ", "&|!:*", "' OR '1'='1", "x" * 5000, "((("])
def test_any_search_answers(client, query):
    response = client.get(reverse("search:results"), {"q": query, "page": "x"})
    assert response.status_code == 200


def test_query_words_are_bounded():
    assert query_words("a b\x00c " + "w " * 50) == ["a", "b", "c"] + ["w"] * 7


def test_the_results_page_costs_the_same_queries_for_few_and_many_hits(
    client, django_capture_on_commit_callbacks
):
    def count(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("search:results"), {"q": query})
        assert response.status_code == 200
        return len(captured)

    with django_capture_on_commit_callbacks(execute=True):
        NetworkFactory(name="Einzelnetz", description="allein")
        for n in range(30):
            NetworkFactory(name=f"Vielnetz {n}", description="viele Städte")
    one, many = count("Einzelnetz"), count("Vielnetz")
    assert one == many
    response = client.get(reverse("search:results"), {"q": "Vielnetz", "page": 2})
    assert response.content.decode().count('class="search-kind"') == 10
    assert "30" in response.content.decode()


@pytest.mark.postgres
def test_postgres_stems_german_and_turkish(django_capture_on_commit_callbacks):
    assert connection.vendor == "postgresql"
    with django_capture_on_commit_callbacks(execute=True):
        NetworkFactory(
            name="Städtenetz",
            description_de="Jede Partnerstadt schickt Delegationen.",
            description_tr="Kardeş şehirlerimiz heyetler gönderiyor.",
        )
    # German plural → singular, Turkish suffixes (-ler, -imiz) → the stem
    assert _titles("de", "Partnerstädte") == ["Städtenetz"]
    assert _titles("de", "Delegation") == ["Städtenetz"]
    assert _titles("tr", "şehirler") == ["Städtenetz"]
    assert _titles("tr", "heyet") == ["Städtenetz"]
    assert _titles("tr", "kardeş şehir") == ["Städtenetz"]
    # the German text is not found by the Turkish configuration's stems of another text
    assert _titles("de", "şehirler") == []


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def _unbalanced(html: str) -> list[str]:
    """Elements closed out of order or never closed (a small well-formedness check)."""
    from html.parser import HTMLParser

    problems, stack = [], []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in VOID:
                stack.append(tag)

        def handle_endtag(self, tag):
            if stack and stack[-1] == tag:
                stack.pop()
            else:
                problems.append(f"</{tag}> closes <{stack[-1] if stack else ''}>")

    Parser().feed(html)
    return problems + [f"<{tag}> not closed" for tag in stack]


def test_the_results_page_is_well_formed_with_marks_and_pages(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(25):
            NetworkFactory(name=f"Netz <b>{n}</b> İzmir", description="Städte & <i>Häfen</i>")
    response = client.get(reverse("search:results"), {"q": "izmir häfen", "page": 2})
    html = response.content.decode()
    assert _unbalanced(html) == []
    assert "&lt;b&gt;" in html  # text from the database is escaped, marks are not
    assert "<mark>" in html
    assert 'rel="prev"' in html
    assert html.count("<mark>") == html.count("</mark>")
