"""Bulletin pages mark titles and texts shown in German on a Turkish page (WCAG 3.1.2)."""

import pytest
from django.utils import timezone

from newsletter.models import Article, Issue
from tests.lang_parts import marked, unmarked


def _issue(number, **texts):
    return Issue.objects.create(
        number=number,
        date=timezone.localdate(),
        status=Issue.Status.SENT,
        published_at=timezone.now(),
        **texts,
    )


@pytest.fixture
def german_only(db):
    issue = _issue(1, title_de="Ausgabe nur Deutsch", intro_de="Einleitung nur auf Deutsch.")
    article = Article.objects.create(
        issue=issue,
        position=0,
        title_de="Artikel nur Deutsch",
        summary_de="Zusammenfassung nur Deutsch.",
        body_de="<p>Text nur auf Deutsch.</p>",
    )
    return issue, article


@pytest.fixture
def translated(db):
    issue = _issue(
        2,
        title_de="Ausgabe",
        title_tr="Türkçe sayı",
        intro_de="Einleitung.",
        intro_tr="Türkçe giriş.",
    )
    article = Article.objects.create(
        issue=issue,
        position=0,
        title_de="Artikel",
        title_tr="Türkçe makale",
        summary_de="Zusammenfassung.",
        summary_tr="Türkçe özet.",
        body_de="<p>Text.</p>",
        body_tr="<p>Türkçe metin.</p>",
    )
    return issue, article


def test_archive_marks_german_only_issue_titles_and_intros(client, german_only, translated):
    html = client.get("/tr/bulletin/").content.decode()
    assert '<html lang="tr">' in html
    assert marked(html, "Ausgabe nur Deutsch", "de")
    assert marked(html, "Einleitung nur auf Deutsch.", "de")
    assert unmarked(html, "Türkçe sayı")
    assert unmarked(html, "Türkçe giriş.")


def test_issue_page_marks_german_only_texts(client, german_only, translated):
    html = client.get("/tr/bulletin/1/").content.decode()
    for text in (
        "Ausgabe nur Deutsch",
        "Einleitung nur auf Deutsch.",
        "Artikel nur Deutsch",
        "Zusammenfassung nur Deutsch.",
        "Text nur auf Deutsch.",
    ):
        assert marked(html, text, "de"), text
    html = client.get("/tr/bulletin/2/").content.decode()
    for text in ("Türkçe sayı", "Türkçe giriş.", "Türkçe makale", "Türkçe özet.", "Türkçe metin."):
        assert unmarked(html, text), text


def test_article_page_marks_german_only_texts(client, german_only, translated):
    _issue1, article = german_only
    html = client.get(f"/tr/bulletin/1/{article.pk}/").content.decode()
    for text in ("Artikel nur Deutsch", "Zusammenfassung nur Deutsch.", "Text nur auf Deutsch."):
        assert marked(html, text, "de"), text
    _issue2, article = translated
    html = client.get(f"/tr/bulletin/2/{article.pk}/").content.decode()
    for text in ("Türkçe makale", "Türkçe özet.", "Türkçe metin."):
        assert unmarked(html, text), text


def test_home_page_news_marks_german_only_articles(client, german_only, translated):
    html = client.get("/tr/").content.decode()
    assert marked(html, "Artikel nur Deutsch", "de")
    assert marked(html, "Zusammenfassung nur Deutsch.", "de")
    assert unmarked(html, "Türkçe makale")
    assert unmarked(html, "Türkçe özet.")
