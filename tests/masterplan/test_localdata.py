"""Acceptance 3: a CSV with a bad row imports nothing and names the row; a good one imports all."""

import pytest
from django.utils import translation

from masterplan.models import LocalDataset, LocalDataValue
from masterplan.services.localdata import local_data_import

GOOD = """key,title,source,unit,year,value
izmir-population,Population,TÜİK,people,2021,4425789
izmir-population,Population,TÜİK,people,2022,4462056
cruise-calls,Cruise calls,Port,calls,2023,68
"""

BAD = """key,title,source,unit,year,value
izmir-population,Population,TÜİK,people,2021,4425789
izmir-population,Population,TÜİK,people,2022,lots
cruise-calls,Cruise calls,Port,calls,20x3,68
izmir-population,Population,TÜİK,people,2021,1
"""


@pytest.mark.django_db
def test_good_file_imports_every_row():
    result = local_data_import(content=GOOD.encode())
    assert result.ok
    assert (result.datasets, result.values) == (2, 3)
    population = LocalDataset.objects.get(key="izmir-population")
    assert [(v.year, int(v.value)) for v in population.values.all()] == [
        (2021, 4425789),
        (2022, 4462056),
    ]


@pytest.mark.django_db
def test_bad_file_imports_nothing_and_names_each_bad_line():
    with translation.override("en"):  # the messages are translated; read them in English
        result = local_data_import(content=BAD.encode())
    assert not result.ok
    assert LocalDataset.objects.count() == 0
    assert LocalDataValue.objects.count() == 0
    messages = {(e.line, e.message) for e in result.errors}
    assert (3, "“lots” is not a number.") in messages
    assert (4, "“20x3” is not a year.") in messages
    assert any(line == 5 and "appears twice" in text for line, text in messages)


@pytest.mark.django_db
def test_bad_file_leaves_earlier_data_untouched():
    local_data_import(content=GOOD.encode())
    before = list(LocalDataValue.objects.values_list("dataset__key", "year", "value"))
    assert not local_data_import(content=BAD.encode()).ok
    assert list(LocalDataValue.objects.values_list("dataset__key", "year", "value")) == before


@pytest.mark.django_db
def test_missing_columns_and_semicolon_files():
    result = local_data_import(content=b"key;year\nx;2020\n")
    assert result.errors[0].line == 1
    assert "title" in result.errors[0].message
    semicolon = "key;title;source;unit;year;value\nx;X;S;u;2020;1,5\n"
    assert local_data_import(content=semicolon.encode()).ok
    assert str(LocalDataValue.objects.get().value) == "1.500"


@pytest.mark.django_db
def test_admin_import_shows_lines_and_imports_nothing(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/masterplan/localdataset/import/"
    assert staff_client.get(url).status_code == 200
    upload = SimpleUploadedFile("bad.csv", BAD.encode(), content_type="text/csv")
    response = staff_client.post(url, {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zeile 3" in html or "Line 3" in html
    assert LocalDataValue.objects.count() == 0
    upload = SimpleUploadedFile("good.csv", GOOD.encode(), content_type="text/csv")
    response = staff_client.post(url, {"file": upload})
    assert response.status_code == 302
    assert LocalDataValue.objects.count() == 3


@pytest.mark.django_db
def test_local_data_page_lists_values(client):
    local_data_import(content=GOOD.encode())
    html = client.get("/en/masterplan/local-data/").content.decode()
    assert "Population" in html
    assert "4,425,789" in html
