import csv

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CityFactory, PartnershipFactory
from tests.lang_parts import unmarked
from weltstadt.models import City, Network, Partnership
from weltstadt.partner_data import DATA_DIR, partner_data_import


def _rows(name):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.django_db
def test_import_is_idempotent_and_keeps_every_row():
    first = partner_data_import()
    counts = (City.objects.count(), Partnership.objects.count(), Network.objects.count())
    second = partner_data_import()
    assert first == second
    assert (City.objects.count(), Partnership.objects.count(), Network.objects.count()) == counts
    expected = len(_rows("izmir_sister_cities.csv")) + len(_rows("german_turkish_partnerships.csv"))
    assert Partnership.objects.count() == expected
    assert Network.objects.count() == len(_rows("city_networks.csv"))


@pytest.mark.django_db
def test_the_data_says_what_the_sources_say():
    partner_data_import()
    tel_aviv = Partnership.objects.get(partner__name="Tel Aviv")
    assert tel_aviv.status == Partnership.Status.CANCELLED
    gaza = Partnership.objects.get(partner__name="Gaza")
    assert gaza.status == Partnership.Status.COUNCIL_DECISION
    assert gaza.protocol_date is None
    bremen = Partnership.objects.get(partner__name="Bremen", kind="sister_city")
    assert "8 March 1995" in bremen.note
    osterholz = City.objects.get(name="Bremen-Osterholz")
    assert osterholz.part_of.name == "Bremen"
    assert City.objects.get(name="Gaziemir").part_of.name == "İzmir"
    assert str(City.objects.get(name="Nicosia (Lefkoşa)").country) == "CY"
    uclg = Network.objects.get(name__startswith="United Cities")
    assert uclg.members_count_is_lower_bound


@pytest.mark.django_db
def test_partner_page_lists_every_shipped_row_with_its_source(client):
    partner_data_import()
    html = client.get("/en/partner-cities/").content.decode()
    for row in _rows("izmir_sister_cities.csv"):
        assert row["city"] in html
        assert row["source_url"].replace("&", "&amp;") in html
    for row in _rows("german_turkish_partnerships.csv"):
        assert row["source_url"].replace("&", "&amp;") in html
    assert html.count('rel="noopener external"') == Partnership.objects.count()
    assert '<svg viewBox="' in html  # the map


@pytest.mark.django_db
def test_partner_page_filters_by_country_and_kind(client):
    partner_data_import()
    html = client.get("/en/partner-cities/?country=GR").content.decode()
    assert "Mytilene" in html
    assert "Nea Smyrni" in html
    assert "Long Beach" not in html
    html = client.get("/en/partner-cities/?kind=friendship").content.decode()
    assert "Tianjin" in html
    assert "Mytilene" in html
    assert "Nea Smyrni" not in html
    html = client.get("/en/partner-cities/?country=DE&kind=cooperation").content.decode()
    assert "Frankfurt am Main" in html
    assert "Osnabrück" not in html


@pytest.mark.django_db
def test_bad_filter_values_are_ignored_not_errors(client):
    partner_data_import()
    response = client.get("/en/partner-cities/?country=<script>&kind=nonsense")
    assert response.status_code == 200
    assert "Long Beach" in response.content.decode()


def _queries_for(client, count):
    Partnership.objects.all().delete()
    for _i in range(count):
        PartnershipFactory(partner=CityFactory())
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/partner-cities/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_partner_page_queries_do_not_grow_with_cities(client):
    assert _queries_for(client, 5) == _queries_for(client, 100)


@pytest.mark.django_db
def test_networks_page_queries_do_not_grow(client):
    from tests.factories import NetworkFactory

    NetworkFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/de/city-networks/")
    for network in NetworkFactory.create_batch(30):
        network.members.add(CityFactory(), CityFactory())
    with CaptureQueriesContext(connection) as many:
        client.get("/de/city-networks/")
    assert len(few) == len(many)


@pytest.mark.django_db
def test_every_network_is_described_in_all_six_languages(settings):
    partner_data_import()
    for network in Network.objects.all():
        for code, _name in settings.LANGUAGES:
            assert getattr(network, f"description_{code}"), (network.name, code)


@pytest.mark.django_db
def test_every_sister_city_note_is_in_all_six_languages(settings, client):
    partner_data_import()
    for row in _rows("izmir_sister_cities.csv"):
        partnership = Partnership.objects.get(
            city__name="İzmir", partner__name=row["city"], kind=row["relation"]
        )
        assert partnership.note_en == row["note"]
        notes = [getattr(partnership, f"note_{code}") for code, _name in settings.LANGUAGES]
        assert all(notes), row["city"]
        assert len(set(notes)) == len(notes), row["city"]  # none is a copy of another language
    html = client.get("/fr/partner-cities/").content.decode()
    main = html.split("<main")[1]
    for row in _rows("sister_city_notes_translations.csv"):
        if row["language"] == "fr":
            assert unmarked(main, row["note"]), row["city"]
    assert 'lang="en"' not in main  # no note falls back to English
