"""CSV imports: a file with a bad row imports nothing and names the row; a good one imports all.
Numbers are read by the file's declared language; keys must name existing data sets or
indicators; measurements can be imported too."""

import pytest
from django.utils import translation

from masterplan.models import LocalDataset, LocalDataValue, Measurement
from masterplan.services.localdata import local_data_import, measurement_import
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    indicator_with,
)

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


@pytest.fixture
def datasets(db):
    for key in ("izmir-population", "cruise-calls"):
        LocalDataset.objects.create(key=key, title=key, source="TÜİK", unit="n")


def test_good_file_imports_every_row(datasets):
    result = local_data_import(content=GOOD.encode(), language="en")
    assert result.ok
    assert result.values == 3
    population = LocalDataset.objects.get(key="izmir-population")
    assert [(v.year, int(v.value)) for v in population.values.all()] == [
        (2021, 4425789),
        (2022, 4462056),
    ]


def test_bad_file_imports_nothing_and_names_each_bad_line(datasets):
    with translation.override("en"):  # the messages are translated; read them in English
        result = local_data_import(content=BAD.encode(), language="en")
    assert not result.ok
    assert LocalDataValue.objects.count() == 0
    messages = {(e.line, e.message) for e in result.errors}
    assert any(line == 3 and text.startswith("“lots” is not a number") for line, text in messages)
    assert (4, "“20x3” is not a year.") in messages
    assert any(line == 5 and "appears twice" in text for line, text in messages)


def test_bad_file_leaves_earlier_data_untouched(datasets):
    local_data_import(content=GOOD.encode(), language="en")
    before = list(LocalDataValue.objects.values_list("dataset__key", "year", "value"))
    assert not local_data_import(content=BAD.encode(), language="en").ok
    assert list(LocalDataValue.objects.values_list("dataset__key", "year", "value")) == before


def test_missing_columns_and_semicolon_files(datasets):
    result = local_data_import(content=b"key;year\nx;2020\n", language="de")
    assert result.errors[0].line == 1
    assert "value" in result.errors[0].message
    semicolon = "key;year;value\ncruise-calls;2020;1,5\n"
    assert local_data_import(content=semicolon.encode(), language="de").ok
    assert str(LocalDataValue.objects.get().value) == "1.500"


@pytest.mark.parametrize(
    ("language", "text", "stored"),
    [("de", "185.000", "185000.000"), ("tr", "185.000", "185000.000"),
     ("en", "185,000", "185000.000"), ("en", "185.000", "185.000"),
     ("de", "1.250,5", "1250.500")],
)  # fmt: skip
def test_numbers_are_read_by_the_files_declared_language(datasets, language, text, stored):
    content = f'key;year;value\ncruise-calls;2023;"{text}"\n'
    assert local_data_import(content=content.encode(), language=language).ok
    assert str(LocalDataValue.objects.get().value) == stored


def test_an_ambiguous_number_is_refused_not_guessed(datasets):
    with translation.override("en"):
        result = local_data_import(
            content=b"key;year;value\ncruise-calls;2023;12.50\n", language="de"
        )
    assert not result.ok
    assert "is not a number in the file's language" in result.errors[0].message
    assert LocalDataValue.objects.count() == 0


def test_an_unknown_key_is_a_row_error_not_a_new_data_set(datasets):
    content = "key,year,value\nizmir-population,2021,1\ncruise-cals,2023,68\n"
    with translation.override("en"):
        result = local_data_import(content=content.encode(), language="en")
    assert not result.ok
    assert result.errors[0].line == 3
    assert "There is no data set with the key “cruise-cals”" in result.errors[0].message
    assert LocalDataset.objects.count() == 2
    assert LocalDataValue.objects.count() == 0


@pytest.fixture
def plan(db):
    plan = PlanFactory(period_start=2020, period_end=2024)
    objective = ObjectiveFactory(
        code="O1.1.1", strategy=StrategyFactory(area=AreaFactory(plan=plan))
    )
    indicator_with(
        objective, baseline=1, targets={2024: 10}, measurements={}, name="Gemeinsame Projekte",
        name_de="Gemeinsame Projekte", name_en="Joint projects",
    )  # fmt: skip
    return plan


def test_measurements_are_imported_all_or_nothing(plan):
    good = "objective;indicator;year;value;source\nO1.1.1;Joint projects;2022;1.250,5;TÜİK\n"
    result = measurement_import(content=good.encode(), language="de", plan=plan)
    assert result.ok, result.errors
    assert [(m.year, str(m.value), m.source) for m in Measurement.objects.all()] == [
        (2022, "1250.500", "TÜİK")
    ]
    bad = (
        "objective;indicator;year;value;source\n"
        "O1.1.1;Gemeinsame Projekte;2023;9;TÜİK\n"
        "O1.1.1;Gemeinsame Projekte;2031;9;TÜİK\n"
        "O9;Gemeinsame Projekte;2023;9;TÜİK\n"
        "O1.1.1;Unknown;2023;9;TÜİK\n"
    )
    with translation.override("en"):
        result = measurement_import(content=bad.encode(), language="de", plan=plan)
    assert not result.ok
    lines = {error.line: error.message for error in result.errors}
    assert "2031 has not come yet" in lines[3]
    assert lines[4] == "The plan has no objective “O9”."
    assert "has no indicator named “Unknown”" in lines[5]
    assert 2 not in lines
    assert Measurement.objects.count() == 1  # the good row of a bad file is not written


def test_admin_imports_show_lines_and_import_nothing(staff_client, datasets, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/masterplan/localdataset/import/"
    assert staff_client.get(url).status_code == 200
    upload = SimpleUploadedFile("bad.csv", BAD.encode(), content_type="text/csv")
    response = staff_client.post(url, {"file": upload, "language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zeile 3" in html or "Line 3" in html
    assert LocalDataValue.objects.count() == 0
    upload = SimpleUploadedFile("good.csv", GOOD.encode(), content_type="text/csv")
    response = staff_client.post(url, {"file": upload, "language": "en"})
    assert response.status_code == 302
    assert LocalDataValue.objects.count() == 3

    url = "/admin/masterplan/indicator/import/"
    assert staff_client.get(url).status_code == 200
    content = "objective,indicator,year,value,source\nO1.1.1,Joint projects,2031,5,x\n"
    upload = SimpleUploadedFile("m.csv", content.encode(), content_type="text/csv")
    response = staff_client.post(url, {"file": upload, "language": "en", "plan": plan.pk})
    assert response.status_code == 200
    assert "2031" in response.content.decode()
    assert Measurement.objects.count() == 0


def test_local_data_page_lists_values(client, datasets):
    local_data_import(content=GOOD.encode(), language="en")
    html = client.get("/en/masterplan/local-data/").content.decode()
    assert "4,425,789" in html
