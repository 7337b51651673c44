"""An office page marks its description and highlights shown in German on a Turkish page
(WCAG 3.1.2)."""

import pytest

from tests.lang_parts import marked, unmarked
from tests.offices.factories import ActivityReportFactory, OfficeFactory


@pytest.mark.django_db
def test_office_page_marks_german_only_description_and_highlights(client):
    office = OfficeFactory(slug="bremen", description_de="Büro in Bremen, nur Deutsch.")
    ActivityReportFactory(
        office=office,
        title_de="Sommerfest",
        title_tr="",
        highlight_de="Ein schöner Abend am Weserufer.",
        highlight_tr="",
    )
    ActivityReportFactory(
        office=office,
        title_de="Konzert",
        title_tr="Konser",
        highlight_de="Ein Konzert.",
        highlight_tr="Güzel bir konser.",
    )
    html = client.get("/tr/offices/bremen/").content.decode()
    assert '<html lang="tr">' in html
    assert marked(html, "Büro in Bremen, nur Deutsch.", "de")
    assert marked(html, "Sommerfest", "de")
    assert marked(html, "Ein schöner Abend am Weserufer.", "de")
    assert unmarked(html, "Konser")
    assert unmarked(html, "Güzel bir konser.")


@pytest.mark.django_db
def test_office_page_with_a_turkish_description_has_no_lang_attribute(client):
    OfficeFactory(slug="koeln", description_de="Büro in Köln.", description_tr="Köln'deki ofis.")
    html = client.get("/tr/offices/koeln/").content.decode()
    assert unmarked(html, "Köln'deki ofis.")
