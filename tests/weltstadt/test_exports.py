"""The one CSV helper: byte-order mark, the reader's delimiter and decimal mark, no formulas."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from django.utils import translation

from weltstadt.exports import csv_content, csv_response, neutralise, read_csv_back

ROWS = [
    ["Çağrı Yılmaz", Decimal("1250.50"), 3, Decimal("185000.000"), True],
    ['=HYPERLINK("http://evil.example","Klick")', Decimal("0.125"), -2, None, False],
]


@pytest.mark.parametrize(
    ("language", "delimiter", "amount"), [("de", ";", "1250,5"), ("tr", ";", "1250,5"),
                                          ("en", ",", "1250.5"), ("fr", ";", "1250,5")]
)  # fmt: skip
def test_a_spreadsheet_in_the_readers_language_reads_letters_and_numbers(
    language, delimiter, amount
):
    content = csv_content(["Name", "Amount", "Count", "Value", "Paid"], ROWS, language)
    assert content.startswith("\ufeff")
    assert f"Çağrı Yılmaz{delimiter}{amount}{delimiter}3{delimiter}185000" in content
    rows = read_csv_back(content.encode("utf-8"), language)
    assert rows[1][:4] == ["Çağrı Yılmaz", Decimal("1250.5"), Decimal("3"), Decimal("185000")]
    assert rows[2][2] == Decimal("-2")  # a number stays a number


def test_formula_cells_are_neutralised_and_numbers_are_not():
    content = csv_content(["=cmd"], [["=1+1"], ["+49 421 1"], ["-x"], ["@SUM(A1)"], ["\tx"],
                                     ["\rx"], [-5]], "en")  # fmt: skip
    rows = read_csv_back(content, "en")
    assert [row[0] for row in rows] == [
        "'=cmd", "'=1+1", "'+49 421 1", "'-x", "'@SUM(A1)", "'\tx", "'\rx", Decimal("-5")
    ]  # fmt: skip
    assert neutralise("İzmir") == "İzmir"


def test_times_are_local_and_readable_in_the_zone_asked_for():
    moment = datetime.datetime(2026, 5, 4, 7, 30, 15, 123456, tzinfo=datetime.UTC)
    assert "2026-05-04 09:30" in csv_content(["t"], [[moment]], "de", tz="Europe/Berlin")
    assert "2026-05-04 10:30" in csv_content(
        ["t"], [[moment]], "de", tz=ZoneInfo("Europe/Istanbul")
    )
    assert "2026-05-04" in csv_content(["d"], [[datetime.date(2026, 5, 4)]], "de")


def test_the_response_is_a_private_dated_download_and_sep_chooses_the_delimiter():
    request = RequestFactory().get("/x/?sep=tab")
    with translation.override("de"):
        response = csv_response(request, "participants", ["A", "B"], [["x", Decimal("1.5")]])
    body = response.content.decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="participants-' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert "x\t1,5" in body
