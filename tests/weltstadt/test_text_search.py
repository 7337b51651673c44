"""Search folds Turkish case and diacritics the same way in Python, SQLite and PostgreSQL; names
sort by the reader's alphabet."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tests.factories import CityFactory, NetworkFactory
from weltstadt.models import City, Network
from weltstadt.text_search import Fold, FoldedSearchMixin, filter_folded, fold, sort_key


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("izmir", "İzmir"), ("IZMIR", "İzmir"), ("ızmır", "İzmir"), ("çağrı", "Çağrı"),
     ("CAGRI", "Çağrı"), ("ipek", "İpek"), ("IPEK", "İpek"), ("kilic", "Kılıç"),
     ("muller", "Müller"), ("strasse", "Straße"), ("sule", "Şule"), ("omer", "Ömer")],
)  # fmt: skip
def test_typed_and_stored_spellings_fold_to_one_key(typed, stored):
    assert fold(typed) == fold(stored)


@pytest.mark.django_db
def test_the_database_folds_exactly_like_python():
    names = ["İzmir", "Kılıç", "ÇAĞRI", "Straße", "Ñandú", "Ærø", "Wien", "ŞULE"]
    for name in names:
        CityFactory(name=name)
    folded = dict(
        City.objects.filter(name__in=names).annotate(k=Fold("name")).values_list("name", "k")
    )
    assert folded == {name: fold(name) for name in names}


@pytest.mark.django_db
def test_filter_folded_finds_every_language_column_and_needs_every_word():
    towns = NetworkFactory(name="Towns", description_de="Städte", description_tr="Kentler Birliği")
    izmir = NetworkFactory(name="İzmir Forum", description_de="Forum")
    networks = Network.objects.all()
    fields = ["name", "description"]
    assert list(filter_folded(networks, fields, "KENTLER birligi")) == [towns]
    assert list(filter_folded(networks, fields, "stadte")) == [towns]
    assert list(filter_folded(networks, fields, "IZMIR")) == [izmir]
    assert list(filter_folded(networks, fields, '"izmir forum"')) == [izmir]
    assert not filter_folded(networks, fields, "izmir kentler").exists()
    assert filter_folded(networks, fields, "\x00").count() == networks.count()


@pytest.mark.django_db
def test_the_admin_mixin_searches_folded():
    izmir = CityFactory(name="İzmir")

    class CityAdmin(FoldedSearchMixin, admin.ModelAdmin):
        search_fields = ["name"]

    queryset, _duplicates = CityAdmin(City, admin.site).get_search_results(
        RequestFactory().get("/"), City.objects.all(), "izmir"
    )
    assert list(queryset) == [izmir]


def test_names_sort_by_the_readers_alphabet():
    names = ["Zeynep", "Şule", "Ömer", "İlkay", "Ilgaz", "Can", "Çağrı", "Sibel", "Oya", "Derya"]
    assert sorted(names, key=lambda n: sort_key(n, "tr")) == [
        "Can", "Çağrı", "Derya", "Ilgaz", "İlkay", "Oya", "Ömer", "Sibel", "Şule", "Zeynep"
    ]  # fmt: skip
    german = sorted(["Zoe", "Ärger", "Öz", "Abel", "Otto"], key=lambda n: sort_key(n, "de"))
    assert german == ["Abel", "Ärger", "Otto", "Öz", "Zoe"]
