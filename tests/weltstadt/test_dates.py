"""Dates follow each language's own conventions (CLDR), on pages, in mails, PDFs and the admin."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.utils import translation
from django.utils.formats import date_format

from weltstadt.dates import date_local, datetime_local

DECEMBER_7 = datetime.date(2026, 12, 7)
OCTOBER_1 = datetime.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("tr", DECEMBER_7, "7 Aralık 2026"),
        ("fr", OCTOBER_1, "1er octobre 2026"),
        ("fr", DECEMBER_7, "7 décembre 2026"),
        ("it", OCTOBER_1, "1º ottobre 2026"),
        ("en", DECEMBER_7, "7 December 2026"),
        ("de", DECEMBER_7, "7. Dezember 2026"),
        ("es", DECEMBER_7, "7 de diciembre de 2026"),
    ],
)
def test_a_date_is_written_the_languages_way(language, day, expected):
    assert date_local(day, language=language) == expected
    with translation.override(language):
        rendered = engines["django"].from_string("{{ day|local_date }}").render({"day": day})
    assert rendered == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("tr", "7.12.2026"), ("en", "07/12/2026"), ("de", "07.12.2026"), ("fr", "07/12/2026")],
)
def test_short_dates_keep_the_languages_order_and_four_digit_years(language, expected):
    assert date_local(DECEMBER_7, "short", language=language) == expected


def test_a_moment_is_shown_in_local_time():
    moment = datetime.datetime(2026, 12, 6, 22, 30, tzinfo=datetime.UTC)  # 01:30 in İzmir
    assert datetime_local(moment, language="tr") == "7.12.2026 01:30"
    assert date_local(moment, language="en") == "7 December 2026"


def test_mail_contexts_give_dates_as_iso_text():
    with translation.override("tr"):
        rendered = engines["django"].from_string("{{ d|local_date }}").render({"d": "2026-12-07"})
    assert rendered == "7 Aralık 2026"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("tr", "7 Aralık 2026"), ("en", "7 December 2026")],
)
def test_the_admin_writes_dates_the_languages_way(language, expected):
    with translation.override(language):
        assert date_format(DECEMBER_7, "DATE_FORMAT", use_l10n=True) == expected


def test_english_dates_typed_in_the_admin_are_day_first():
    from django import forms

    with translation.override("en"):
        field = forms.DateField()
        assert field.clean("07/12/2026") == DECEMBER_7


def test_no_template_formats_dates_on_its_own():
    """Every date shown goes through local_date/local_datetime; Django's DATE_FORMAT and friends
    wrote "07 Aralık" and US order."""
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*"):
        if path.suffix in {".html", ".txt"}:
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if re.search(r'\|date:"(SHORT_)?DATE(TIME)?_FORMAT"', line):
                    offenders.append(f"{path}:{number}")
    assert offenders == []
