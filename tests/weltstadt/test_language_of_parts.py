"""Language of parts (WCAG 3.1.2): a text shown through the fallback says its language."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import CityFactory, NetworkFactory, PartnershipFactory
from tests.lang_parts import marked, unmarked
from weltstadt.templatetags.weltstadt_lang import lang_attr, shown_language


def _network(**descriptions):
    return NetworkFactory.build(
        **{f"description_{code}": text for code, text in descriptions.items()}
    )


def test_value_in_the_active_language_needs_no_attribute():
    network = _network(de="Städtenetz", tr="Şehir ağı")
    with translation.override("tr"):
        assert shown_language(network, "description") == "tr"
        assert lang_attr(network, "description") == ""


def test_missing_translation_shows_german_and_says_so():
    network = _network(de="Städtenetz", tr="")
    with translation.override("tr"):
        assert network.description == "Städtenetz"
        assert shown_language(network, "description") == "de"
        assert lang_attr(network, "description") == ' lang="de"'


def test_missing_in_german_too_falls_back_to_english():
    network = _network(de="", en="City network", tr="")
    with translation.override("tr"):
        assert network.description == "City network"
        assert shown_language(network, "description") == "en"
        assert lang_attr(network, "description") == ' lang="en"'


def test_german_page_showing_german_needs_no_attribute():
    network = _network(de="Städtenetz")
    with translation.override("de"):
        assert lang_attr(network, "description") == ""


def test_nothing_shown_or_untranslated_field_gives_the_active_language():
    network = _network(de="", en="", tr="")
    with translation.override("tr"):
        assert shown_language(network, "description") == "tr"
        assert shown_language(network, "name") == "tr"  # not a translated field
        assert shown_language(None, "description") == "tr"


def test_tag_and_filter_from_a_template():
    network = _network(de="Städtenetz")
    template = Template(
        '{% load weltstadt_lang %}<p{% lang_attr n "description" %}>'
        '{{ n|shown_language:"description" }}</p>'
    )
    with translation.override("tr"):
        assert template.render(Context({"n": network})) == '<p lang="de">de</p>'


@pytest.mark.django_db
def test_networks_page_marks_german_only_descriptions(client):
    NetworkFactory(description_de="Nur auf Deutsch beschrieben", description_tr="")
    NetworkFactory(description_de="Deutsch", description_tr="Türkçe açıklama")
    html = client.get("/tr/city-networks/").content.decode()
    assert '<html lang="tr">' in html
    assert marked(html, "Nur auf Deutsch beschrieben", "de")
    assert unmarked(html, "Türkçe açıklama")


@pytest.mark.django_db
def test_partner_page_marks_german_only_notes(client):
    PartnershipFactory(partner=CityFactory(), note_de="Notiz nur auf Deutsch", note_tr="")
    PartnershipFactory(partner=CityFactory(), note_de="Notiz", note_tr="Türkçe not")
    html = client.get("/tr/partner-cities/").content.decode()
    assert marked(html, "Notiz nur auf Deutsch", "de")
    assert unmarked(html, "Türkçe not")
