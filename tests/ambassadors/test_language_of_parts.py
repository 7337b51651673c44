"""The programme page marks module texts shown in German on a Turkish page (WCAG 3.1.2)."""

import pytest

from tests.ambassadors.factories import CohortFactory, ModuleFactory
from tests.lang_parts import marked, unmarked


@pytest.mark.django_db
def test_programme_page_marks_german_only_module_texts(client):
    cohort = CohortFactory(title_de="Jahrgang 2026", title_tr="2026 dönemi")
    ModuleFactory(
        cohort=cohort,
        title_de="Grundlagen der Städtediplomatie",
        title_tr="",
        description_de="Nur auf Deutsch beschrieben.",
        description_tr="",
    )
    ModuleFactory(
        cohort=cohort,
        title_de="Projekt in deiner Stadt",
        title_tr="Şehrindeki proje",
        description_de="Beschreibung",
        description_tr="Türkçe açıklama.",
    )
    html = client.get("/tr/ambassadors/").content.decode()
    assert '<html lang="tr">' in html
    assert marked(html, "Grundlagen der Städtediplomatie", "de")
    assert marked(html, "Nur auf Deutsch beschrieben.", "de")
    assert unmarked(html, "Şehrindeki proje")
    assert unmarked(html, "Türkçe açıklama.")
    assert unmarked(html, "2026 dönemi")
