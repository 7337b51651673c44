"""Summit pages mark titles and texts shown in German on a Turkish page (WCAG 3.1.2)."""

import datetime

import pytest

from summits.models import Declaration
from tests.lang_parts import marked, unmarked
from tests.summits.factories import SessionFactory, SummitFactory


@pytest.fixture
def german_only(db):
    summit = SummitFactory(
        slug="bremen",
        title_de="Gipfel nur Deutsch",
        theme_de="Thema nur Deutsch",
        description_de="Beschreibung nur auf Deutsch.",
    )
    SessionFactory(
        summit=summit, title_de="Sitzung nur Deutsch", abstract_de="Abriss nur auf Deutsch."
    )
    Declaration.objects.create(
        summit=summit,
        title_de="Erklärung nur Deutsch",
        text_de="Erklärungstext nur auf Deutsch.",
        adopted_on=datetime.date(2026, 5, 1),
    )
    return summit


@pytest.fixture
def translated(db):
    summit = SummitFactory(
        slug="izmir",
        title_de="Gipfel",
        title_tr="Türkçe zirve",
        theme_de="Thema",
        theme_tr="Türkçe tema",
        description_de="Beschreibung.",
        description_tr="Türkçe açıklama.",
    )
    SessionFactory(
        summit=summit,
        title_de="Sitzung",
        title_tr="Türkçe oturum",
        abstract_de="Abriss.",
        abstract_tr="Türkçe özet.",
    )
    Declaration.objects.create(
        summit=summit,
        title_de="Erklärung",
        title_tr="Türkçe bildirge",
        text_de="Erklärungstext.",
        text_tr="Türkçe bildirge metni.",
        adopted_on=datetime.date(2026, 5, 1),
    )
    return summit


def test_summit_page_marks_german_only_texts(client, german_only, translated):
    html = client.get("/tr/summits/bremen/").content.decode()
    assert '<html lang="tr">' in html
    for text in (
        "Gipfel nur Deutsch",
        "Thema nur Deutsch",
        "Beschreibung nur auf Deutsch.",
        "Sitzung nur Deutsch",
        "Abriss nur auf Deutsch.",
        "Erklärung nur Deutsch",
        "Erklärungstext nur auf Deutsch.",
    ):
        assert marked(html, text, "de"), text
    html = client.get("/tr/summits/izmir/").content.decode()
    for text in (
        "Türkçe zirve",
        "Türkçe tema",
        "Türkçe açıklama.",
        "Türkçe oturum",
        "Türkçe özet.",
        "Türkçe bildirge",
        "Türkçe bildirge metni.",
    ):
        assert unmarked(html, text), text


def test_summit_list_and_programme_mark_german_only_titles(client, german_only, translated):
    html = client.get("/tr/summits/").content.decode()
    assert marked(html, "Gipfel nur Deutsch", "de")
    assert marked(html, "Thema nur Deutsch", "de")
    assert unmarked(html, "Türkçe zirve")
    assert unmarked(html, "Türkçe tema")
    html = client.get("/tr/summits/bremen/programme/").content.decode()
    assert marked(html, "Sitzung nur Deutsch", "de")
    assert marked(html, "Abriss nur auf Deutsch.", "de")
    html = client.get("/tr/summits/izmir/programme/").content.decode()
    assert unmarked(html, "Türkçe oturum")
    assert unmarked(html, "Türkçe özet.")
