"""The one way the portal writes CSV files that people open in spreadsheets.

- UTF-8 with a byte-order mark, so Excel and LibreOffice read İ, ş, ğ without an import dialog;
- the delimiter and decimal mark of the reader's language: ";" and "," where the decimal mark is a
  comma (de, tr, fr, it, es), "," and "." in English; `?sep=comma|semicolon|tab` chooses another;
- numbers as numbers (no grouping, no forced decimals), dates as ISO dates, times in local time
  "YYYY-MM-DD HH:MM" (a summit's own zone when given), yes/no in the reader's language;
- every text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
  carriage return) neutralised with a leading apostrophe (OWASP's rule for CSV injection).
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from weltstadt.numbers import parse_decimal, symbols

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def neutralise(text: str) -> str:
    """`text` safe to open in a spreadsheet: a leading formula character is quoted away."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def dialect_for(language: str | None = None, sep: str | None = None) -> tuple[str, str]:
    """(delimiter, decimal mark) for a reader of `language`; `sep` names another delimiter."""
    decimal_mark, _group = symbols(language)
    delimiter = ";" if decimal_mark == "," else ","
    delimiter = SEPARATORS.get(sep or "", delimiter)
    if delimiter == decimal_mark:  # "comma" asked for where the decimal mark is one too
        decimal_mark = "."
    return delimiter, decimal_mark


def _number(value: Decimal | int | float, decimal_mark: str) -> str:
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral_value() else value
        text = format(value, "f")
        if "." in text and value != value.to_integral_value():
            text = text.rstrip("0")
    else:
        text = str(value)
    return text.replace(".", decimal_mark)


def cell(value, decimal_mark: str = ",", tz: datetime.tzinfo | str | None = None) -> str:
    """One value as it goes into a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal | int | float):
        return _number(value, decimal_mark)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            zone = ZoneInfo(tz) if isinstance(tz, str) else tz
            value = timezone.localtime(value, zone) if zone else timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def csv_content(
    header: Sequence[str],
    rows: Iterable[Sequence],
    language: str | None = None,
    sep: str | None = None,
    tz: datetime.tzinfo | str | None = None,
) -> str:
    """The file's text (with its byte-order mark)."""
    delimiter, decimal_mark = dialect_for(language, sep)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(str(title)) for title in header])
    for row in rows:
        writer.writerow([cell(value, decimal_mark, tz) for value in row])
    return out.getvalue()


def csv_response(
    request,
    filename: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    tz: datetime.tzinfo | str | None = None,
) -> HttpResponse:
    """A CSV download for the reader of `request`: `filename` without extension; today's date
    is added. Header titles are passed translated; rows hold plain Python values."""
    sep = request.GET.get("sep") if request is not None else None
    content = csv_content(header, rows, get_language(), sep, tz)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


def read_csv_back(content: bytes | str, language: str, sep: str | None = None) -> list[list]:
    """What a spreadsheet in `language` reads from `content`: rows of cells, cells that look like
    numbers in that language turned into Decimals (for tests and for checking an export)."""
    if isinstance(content, bytes):
        content = content.decode("utf-8")
    if not content.startswith("\ufeff"):
        raise ValueError("no byte-order mark: a spreadsheet would not read the file as UTF-8")
    delimiter, _decimal_mark = dialect_for(language, sep)
    rows = []
    for row in csv.reader(io.StringIO(content[1:]), delimiter=delimiter):
        parsed = []
        for value in row:
            try:
                parsed.append(parse_decimal(value, language) if value else value)
            except ValueError:
                parsed.append(value)
        rows.append(parsed)
    return rows
