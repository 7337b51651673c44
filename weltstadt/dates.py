"""Dates as each language writes them (CLDR, through Babel): "7 Aralık 2026", "1er octobre 2026",
"7 December 2026", "7. Dezember 2026". Pages, mails and PDFs all use these (the `local_date` and
`local_datetime` template filters); the admin gets the same conventions from weltstadt/formats/.
"""

import datetime

from babel.dates import format_date, format_time, get_date_format, get_datetime_format
from django.utils import timezone, translation

# English for European readers: day before month.
_LOCALES = {"en": "en_GB"}
LENGTHS = ("full", "long", "medium", "short")
# The first of the month is an ordinal in French ("1er octobre") and Italian ("1º ottobre").
_FIRST = {"fr": "1er", "it": "1º"}


def _locale(language: str | None) -> str:
    language = (language or translation.get_language() or "de").split("-")[0]
    return _LOCALES.get(language, language)


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))  # mail contexts store dates as ISO text
    except ValueError:
        return None


def date_local(value, length: str = "long", language: str | None = None) -> str:
    """`value` (a date, a datetime in local time, or ISO text) written the language's way;
    `length` full (with the weekday), long ("7 Aralık 2026"), medium ("7 Ara 2026") or short
    (numbers, four-digit year)."""
    day = _as_date(value)
    if day is None:
        return "" if value in (None, "") else str(value)
    locale = _locale(language)
    if length == "short":
        pattern = get_date_format("short", locale=locale).pattern
        # a two-digit year is ambiguous in a record that spans decades
        text = format_date(day, pattern.replace("yy", "y"), locale=locale)
    else:
        text = format_date(day, length if length in LENGTHS else "long", locale=locale)
    if day.day == 1 and length != "short" and text.startswith("1 ") and locale in _FIRST:
        text = _FIRST[locale] + text[1:]
    return text


def datetime_local(value, length: str = "short", language: str | None = None) -> str:
    """A moment in local time: its date as `date_local` writes it, with the time ("14:30")."""
    if not isinstance(value, datetime.datetime):
        return date_local(value, length, language)
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    locale = _locale(language)
    time = format_time(moment, "HH:mm", locale=locale)
    return (
        get_datetime_format("medium" if length == "long" else "short", locale=locale)
        .replace("{1}", date_local(moment, length, language))
        .replace("{0}", time)
    )
