"""Import of local data sets from CSV: all rows or none."""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from masterplan.models import LocalDataset, LocalDataValue
from masterplan.parsing import whole_number

COLUMNS = ["key", "title", "source", "unit", "year", "value"]
MAX_BYTES = 2_000_000


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    datasets: int = 0
    values: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _decimal(text: str) -> Decimal | None:
    text = text.strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < Decimal("1e15") else None


def _rows(content: bytes) -> tuple[list[dict], list[RowError]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(1, _("The file is not UTF-8 text."))]
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        message = _("The header line lacks the columns: %(columns)s (expected: %(expected)s).")
        return [], [
            RowError(1, message % {"columns": ", ".join(missing), "expected": ",".join(COLUMNS)})
        ]
    reader.fieldnames = header
    rows = []
    for row in reader:
        rows.append({"line": reader.line_num, **{k: (row.get(k) or "").strip() for k in COLUMNS}})
    return rows, []


def _validate(rows: list[dict]) -> list[RowError]:
    errors: list[RowError] = []
    seen_years: dict[tuple[str, int], int] = {}
    meta: dict[str, tuple[str, str, str, int]] = {}
    for row in rows:
        line = row["line"]
        for name in COLUMNS:
            if not row[name]:
                errors.append(RowError(line, _("The column “%(name)s” is empty.") % {"name": name}))
        if any(not row[name] for name in COLUMNS):
            continue
        if slugify(row["key"]) != row["key"]:
            errors.append(
                RowError(
                    line,
                    _("The key “%(key)s” may hold only lower-case letters, digits and hyphens.")
                    % {"key": row["key"]},
                )
            )
        year = whole_number(row["year"])
        if year is None or not 1900 <= year <= 2100:
            errors.append(RowError(line, _("“%(year)s” is not a year.") % {"year": row["year"]}))
            continue
        if _decimal(row["value"]) is None:
            errors.append(
                RowError(line, _("“%(value)s” is not a number.") % {"value": row["value"]})
            )
        year = int(row["year"])
        if (row["key"], year) in seen_years:
            errors.append(
                RowError(
                    line,
                    _("%(key)s %(year)s appears twice (first on line %(first)s).")
                    % {"key": row["key"], "year": year, "first": seen_years[(row["key"], year)]},
                )
            )
        seen_years.setdefault((row["key"], year), line)
        described = (row["title"], row["source"], row["unit"])
        if row["key"] in meta and meta[row["key"]][:3] != described:
            errors.append(
                RowError(
                    line,
                    _("Title, source or unit of “%(key)s” differ from line %(first)s.")
                    % {"key": row["key"], "first": meta[row["key"]][3]},
                )
            )
        meta.setdefault(row["key"], (*described, line))
    return errors


def local_data_import(*, content: bytes) -> ImportResult:
    """Import local data from CSV (columns key,title,source,unit,year,value; `,` or `;`).

    Guarantees: every row is checked first; if any row is bad, nothing is written and every
    problem is reported with its line number. A good file creates missing data sets (titles in the
    default language) and sets each year's value, replacing an earlier value of that year.
    """
    if len(content) > MAX_BYTES:
        return ImportResult(errors=[RowError(0, _("The file is larger than 2 MB."))])
    rows, errors = _rows(content)
    if errors:
        return ImportResult(errors=errors)
    if not rows:
        return ImportResult(errors=[RowError(2, _("The file has no data rows."))])
    errors = _validate(rows)
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult()
    with transaction.atomic():
        datasets: dict[str, LocalDataset] = {}
        for row in rows:
            dataset = datasets.get(row["key"])
            if dataset is None:
                dataset, created = LocalDataset.objects.get_or_create(
                    key=row["key"],
                    defaults={"title": row["title"], "source": row["source"], "unit": row["unit"]},
                )
                datasets[row["key"]] = dataset
                result.datasets += int(created)
            LocalDataValue.objects.update_or_create(
                dataset=dataset, year=int(row["year"]), defaults={"value": _decimal(row["value"])}
            )
            result.values += 1
    return result
