"""CSV imports of figures: local data values and indicator measurements, all rows or none.

Numbers are read by the file's declared language ("185.000" is 185000 in a German file and 185
in an English one; "12.50" in a German file is refused as ambiguous), never guessed. Keys name
data sets and indicators that exist: an unknown key is a row error, never a new data set.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from masterplan.models import (
    Indicator,
    LocalDataset,
    LocalDataValue,
    Measurement,
    Objective,
    Plan,
)
from masterplan.models.indicators import measurement_year_problem
from masterplan.parsing import whole_number
from weltstadt.numbers import example, parse_decimal

COLUMNS = ["key", "year", "value"]
MEASUREMENT_COLUMNS = ["objective", "indicator", "year", "value", "source"]
MAX_BYTES = 2_000_000
LANGUAGES = settings.LANGUAGES
LIMIT = Decimal("1e15")


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


def _number(text: str, language: str) -> Decimal | None:
    try:
        value = parse_decimal(text, language)
    except ValueError:
        return None
    return value if abs(value) < LIMIT else None


def _rows(content: bytes, columns: list[str]) -> tuple[list[dict], list[RowError]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(1, _("The file is not UTF-8 text."))]
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in columns if name not in header]
    if missing:
        message = _("The header line lacks the columns: %(columns)s (expected: %(expected)s).")
        return [], [
            RowError(1, message % {"columns": ", ".join(missing), "expected": ",".join(columns)})
        ]
    reader.fieldnames = header
    rows = [
        {"line": reader.line_num, **{k: (v or "").strip() for k, v in row.items() if k}}
        for row in reader
    ]
    if not rows:
        return [], [RowError(2, _("The file has no data rows."))]
    return rows, []


def _common(row: dict, columns: list[str], language: str) -> tuple[list[RowError], tuple | None]:
    """Empty cells, the year and the value of a row: (errors, (year, value) or None)."""
    line = row["line"]
    errors = [
        RowError(line, _("The column “%(name)s” is empty.") % {"name": name})
        for name in columns
        if not row.get(name)
    ]
    if errors:
        return errors, None
    year = whole_number(row["year"])
    if year is None or not 1900 <= year <= 2100:
        errors.append(RowError(line, _("“%(year)s” is not a year.") % {"year": row["year"]}))
    value = _number(row["value"], language)
    if value is None:
        errors.append(
            RowError(
                line,
                _("“%(value)s” is not a number in the file's language (e.g. %(example)s).")
                % {"value": row["value"], "example": example(language)},
            )
        )
    return errors, (year, value) if not errors else None


def _twice(seen: dict, key: tuple, line: int, label: str) -> RowError | None:
    if key in seen:
        return RowError(
            line,
            _("%(key)s %(year)s appears twice (first on line %(first)s).")
            % {"key": label, "year": key[-1], "first": seen[key]},
        )
    seen[key] = line
    return None


def local_data_import(*, content: bytes, language: str) -> ImportResult:
    """Import values of existing local data sets from CSV (columns key,year,value; `,` or `;`;
    other columns such as title are ignored).

    Guarantees: every row is checked first; if any row is bad (an unknown key, a year or a number
    that is not one in `language`, a year twice), nothing is written and every problem is reported
    with its line number. A good file sets each year's value, replacing an earlier one.
    """
    if len(content) > MAX_BYTES:
        return ImportResult(errors=[RowError(0, _("The file is larger than 2 MB."))])
    rows, errors = _rows(content, COLUMNS)
    if errors:
        return ImportResult(errors=errors)
    datasets = {dataset.key: dataset for dataset in LocalDataset.objects.all()}
    seen: dict[tuple, int] = {}
    planned = []
    for row in rows:
        row_errors, figures = _common(row, COLUMNS, language)
        dataset = datasets.get(row["key"]) if row["key"] else None
        if row["key"] and dataset is None:
            row_errors.append(
                RowError(
                    row["line"],
                    _(
                        "There is no data set with the key “%(key)s”. Create it in the "
                        "back-office first (keys: %(known)s)."
                    )
                    % {"key": row["key"], "known": ", ".join(sorted(datasets)) or "–"},
                )
            )
        if figures and dataset:
            twice = _twice(seen, (row["key"], figures[0]), row["line"], row["key"])
            if twice:
                row_errors.append(twice)
        errors += row_errors
        if not row_errors:
            planned.append((dataset, *figures))
    if errors:
        return ImportResult(errors=errors)
    with transaction.atomic():
        for dataset, year, value in planned:
            LocalDataValue.objects.update_or_create(
                dataset=dataset, year=year, defaults={"value": value}
            )
    return ImportResult(values=len(planned))


def _indicator_index(plan: Plan) -> dict[tuple[str, str], Indicator]:
    """(objective code, indicator name in any language, folded) → indicator."""
    index = {}
    indicators = Indicator.objects.filter(objective__strategy__area__plan=plan).select_related(
        "objective__strategy__area__plan"
    )
    for indicator in indicators:
        for name in {getattr(indicator, f"name_{code}", None) for code, _n in LANGUAGES} | {
            indicator.name
        }:
            if name:
                index[(indicator.objective.code.casefold(), name.strip().casefold())] = indicator
    return index


def measurement_import(*, content: bytes, language: str, plan: Plan) -> ImportResult:
    """Import indicator measurements of `plan` from CSV (columns objective,indicator,year,value,
    source and optionally note; the indicator by its name in any of the site's languages).

    Same guarantees as the local data import: all rows or none, each problem with its line. A year
    after this one or outside the plan period is refused, as in the back-office.
    """
    if len(content) > MAX_BYTES:
        return ImportResult(errors=[RowError(0, _("The file is larger than 2 MB."))])
    rows, errors = _rows(content, MEASUREMENT_COLUMNS)
    if errors:
        return ImportResult(errors=errors)
    index = _indicator_index(plan)
    codes = set(Objective.objects.filter(strategy__area__plan=plan).values_list("code", flat=True))
    seen: dict[tuple, int] = {}
    planned = []
    for row in rows:
        line = row["line"]
        row_errors, figures = _common(row, MEASUREMENT_COLUMNS, language)
        indicator = index.get((row["objective"].casefold(), row["indicator"].casefold()))
        if row["objective"] and row["indicator"] and indicator is None:
            if row["objective"] not in codes:
                message = _("The plan has no objective “%(code)s”.") % {"code": row["objective"]}
            else:
                message = _("Objective %(code)s has no indicator named “%(name)s”.") % {
                    "code": row["objective"],
                    "name": row["indicator"],
                }
            row_errors.append(RowError(line, message))
        if figures and indicator:
            problem = measurement_year_problem(indicator, figures[0])
            if problem:
                row_errors.append(RowError(line, str(problem)))
            label = f"{row['objective']} {row['indicator']}"
            twice = _twice(seen, (indicator.pk, figures[0]), line, label)
            if twice:
                row_errors.append(twice)
        if len(row.get("source", "")) > 300:
            row_errors.append(RowError(line, _("The source may have at most 300 characters.")))
        errors += row_errors
        if not row_errors:
            planned.append((indicator, *figures, row["source"], row.get("note", "")))
    if errors:
        return ImportResult(errors=errors)
    with transaction.atomic():
        for indicator, year, value, source, note in planned:
            # save() per row: the history keeps the value each import replaced
            Measurement.objects.update_or_create(
                indicator=indicator,
                year=year,
                defaults={"value": value, "source": source, "note": note},
            )
    return ImportResult(values=len(planned))
