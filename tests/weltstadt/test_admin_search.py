"""The core admins' search ignores Turkish case and diacritics, and filters offer what is in use."""

import pytest
from django_countries.filters import CountryFilter

from tests.factories import CityFactory, NetworkFactory, PartnershipFactory, UserFactory
from weltstadt.models import OutgoingMail

pytestmark = pytest.mark.django_db


def _found(staff_client, url, term):
    response = staff_client.get(url, {"q": term})
    assert response.status_code == 200
    return {str(obj) for obj in response.context["cl"].result_list}


def test_city_search_folds_turkish_case_and_diacritics(staff_client):
    CityFactory(name="İzmir", country="TR")
    CityFactory(name="Çeşme", country="TR")
    CityFactory(name="Wien", country="AT")
    url = "/admin/weltstadt/city/"
    assert any("İzmir" in name for name in _found(staff_client, url, "izmir"))
    assert any("İzmir" in name for name in _found(staff_client, url, "IZMIR"))
    assert any("Çeşme" in name for name in _found(staff_client, url, "cesme"))


def test_partnership_search_reaches_the_other_language_columns(staff_client):
    partnership = PartnershipFactory(
        city=CityFactory(name="İzmir", country="TR"), partner=CityFactory(name="Wien", country="AT")
    )
    partnership.note_en = "Partnership with Vienna since the 1990s."
    partnership.save()
    url = "/admin/weltstadt/partnership/"
    assert len(_found(staff_client, url, "vienna")) == 1
    assert len(_found(staff_client, url, "izmir")) == 1


def test_network_user_and_outbox_search_fold(staff_client):
    NetworkFactory(name="Şehirler Birliği")
    UserFactory(email="ayse@example.org", name="Ayşe Işık")
    OutgoingMail.objects.create(
        idempotency_key="k", to="IŞIL@example.org", template="t", language="tr"
    )
    assert len(_found(staff_client, "/admin/weltstadt/network/", "sehirler")) == 1
    assert len(_found(staff_client, "/admin/weltstadt/user/", "ayse isik")) == 1
    assert len(_found(staff_client, "/admin/weltstadt/outgoingmail/", "isil")) == 1


def test_the_country_filter_lists_only_the_countries_in_use(staff_client):
    CityFactory(name="İzmir", country="TR")
    CityFactory(name="Wien", country="AT")
    response = staff_client.get("/admin/weltstadt/city/")
    (spec,) = [s for s in response.context["cl"].filter_specs if isinstance(s, CountryFilter)]
    choices = [c["display"] for c in spec.choices(response.context["cl"])][1:]
    assert len(choices) == 2  # of some 250 countries
