"""A language's pending texts (missing or needing update) out to an outside translator and back.

Each text has an id `app.model:pk:field@version`, the version being the start of the fingerprint
of the German text exported, so an import can tell that the German changed since. Files: XLIFF
1.2 (what translation tools read) or CSV (weltstadt.exports, for a spreadsheet). An import checks
every row first and applies nothing unless all are right.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml.ElementTree import fromstring as parse_xml
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from weltstadt.models import TranslationState
from weltstadt.translation_state import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    is_translated,
    localized,
    missing_q,
    normalise,
    outdated_exists,
    source_hash,
    translated_fields,
    translated_models,
)

VERSION_LENGTH = 16
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_ID = re.compile(r"^(\w+)\.(\w+):(\d{1,18}):(\w+)@([0-9a-f]{16})$")


@dataclass
class Unit:
    key: str
    label: str
    field_label: str
    state: str  # "missing" or "outdated"
    source: str
    target: str


def pending_units(language: str) -> list[Unit]:
    """Every text missing or needing update in `language`; two queries per model."""
    units = []
    for model in translated_models():
        names = translated_fields(model)
        content_type = ContentType.objects.get_for_model(model)
        outdated = set(
            TranslationState.objects.filter(
                content_type=content_type, language=language, outdated=True
            ).values_list("object_id", "field")
        )
        objects = model._base_manager.filter(
            missing_q(model, language) | outdated_exists(model, language)
        ).order_by("pk")
        for obj in objects:
            for name in names:
                german = normalise(getattr(obj, localized(name, SOURCE_LANGUAGE)))
                target = normalise(getattr(obj, localized(name, language)))
                if not german or (target and (obj.pk, name) not in outdated):
                    continue
                units.append(
                    Unit(
                        key=f"{model._meta.label_lower}:{obj.pk}:{name}"
                        f"@{source_hash(german)[:VERSION_LENGTH]}",
                        label=f"{model._meta.verbose_name}: {obj}",
                        field_label=str(model._meta.get_field(name).verbose_name),
                        state="outdated" if target else "missing",
                        source=german,
                        target=target,
                    )
                )
    return units


def state_label(state: str) -> str:
    return _("needs update") if state == "outdated" else _("missing")


def xliff_content(units: list[Unit], language: str) -> bytes:
    root = Element("xliff", {"version": "1.2", "xmlns": XLIFF_NS})
    file = SubElement(
        root,
        "file",
        {
            "original": "weltstadt",
            "source-language": SOURCE_LANGUAGE,
            "target-language": language,
            "datatype": "plaintext",
        },
    )
    body = SubElement(file, "body")
    for unit in units:
        element = SubElement(body, "trans-unit", {"id": unit.key})
        SubElement(element, "source").text = unit.source
        state = "needs-review-translation" if unit.state == "outdated" else "needs-translation"
        SubElement(element, "target", {"state": state}).text = unit.target
        SubElement(element, "note").text = f"{unit.label} · {unit.field_label}"
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode()


def csv_header() -> list[str]:
    return [
        _("id"),
        _("language"),
        _("object"),
        _("field"),
        _("state"),
        _("German"),
        _("translation"),
    ]


def csv_rows(units: list[Unit], language: str) -> list[list[str]]:
    return [
        [u.key, language, u.label, u.field_label, state_label(u.state), u.source, u.target]
        for u in units
    ]


@dataclass
class ImportResult:
    errors: list[tuple[str, str]] = field(default_factory=list)
    applied: int = 0
    skipped: int = 0


def _unquote(text: str) -> str:
    # weltstadt.exports puts an apostrophe before a leading = + - @ for spreadsheets
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


def _read_xliff(content: bytes, language: str, result: ImportResult) -> list[tuple]:
    try:
        root = parse_xml(content, forbid_dtd=True)
    except Exception:  # defusedxml's and expat's errors alike: not a file we can read
        result.errors.append(("", _("The file is not valid XLIFF.")))
        return []
    if root.tag != f"{{{XLIFF_NS}}}xliff":
        result.errors.append(("", _("The file is not XLIFF 1.2.")))
        return []
    rows = []
    for file in root.iter(f"{{{XLIFF_NS}}}file"):
        file_language = file.get("target-language", "")
        for unit in file.iter(f"{{{XLIFF_NS}}}trans-unit"):
            target = unit.find(f"{{{XLIFF_NS}}}target")
            text = "".join(target.itertext()) if target is not None else ""
            rows.append((unit.get("id", ""), unit.get("id", ""), file_language, text))
    return rows


def _read_csv(content: bytes, result: ImportResult) -> list[tuple]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(("", _("The file is not UTF-8 text.")))
        return []
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    rows = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if number == 1 or not any(cell.strip() for cell in row):
            continue
        where = _("line %(number)d") % {"number": number}
        if len(row) < 7:
            result.errors.append((where, _("This line does not have the seven columns.")))
            continue
        rows.append((where, _unquote(row[0]).strip(), row[1].strip(), _unquote(row[6])))
    return rows


def translations_import(*, content: bytes, file_format: str, language: str) -> ImportResult:
    """Check every row of an exported file in `language` and, only if none is wrong, store
    the translations (each object saved once, so its states say "translated")."""
    result = ImportResult()
    if len(content) > MAX_UPLOAD_BYTES:
        result.errors.append(("", _("The file is larger than 5 MB.")))
        return result
    if file_format == "xliff":
        rows = _read_xliff(content, language, result)
    else:
        rows = _read_csv(content, result)
    if not rows and not result.errors:
        result.errors.append(("", _("The file has no translations in it.")))
    wanted = defaultdict(dict)  # (model, pk) -> {field: (where, text, version)}
    for where, key, row_language, text in rows:
        where = where or key
        match = _ID.match(key)
        model = None
        if match:
            try:
                model = apps.get_model(match[1], match[2])
            except LookupError:
                model = None
        if model is None or not is_translated(model) or match[4] not in translated_fields(model):
            result.errors.append((where, _("This id is not one of ours: %(id)s") % {"id": key}))
            continue
        if row_language != language:
            result.errors.append(
                (
                    where,
                    _("This text is for the language “%(found)s”, not “%(expected)s”.")
                    % {"found": row_language, "expected": language},
                )
            )
            continue
        if match[4] in wanted[(model, int(match[3]))]:
            result.errors.append((where, _("This id appears twice in the file.")))
            continue
        wanted[(model, int(match[3]))][match[4]] = (where, normalise(text), match[5])
    changed = []
    by_model = defaultdict(list)
    for model, pk in wanted:
        by_model[model].append(pk)
    for model, pks in by_model.items():
        found = model._base_manager.in_bulk(pks)
        for pk in pks:
            obj = found.get(pk)
            for name, (where, text, version) in wanted[(model, pk)].items():
                if obj is None:
                    result.errors.append((where, _("This object no longer exists.")))
                    continue
                german = getattr(obj, localized(name, SOURCE_LANGUAGE))
                if source_hash(german)[:VERSION_LENGTH] != version:
                    result.errors.append(
                        (where, _("The German text changed after the export: export again."))
                    )
                elif not text:
                    result.skipped += 1
                else:
                    setattr(obj, localized(name, language), text)
                    changed.append((obj, localized(name, language)))
    if result.errors or language not in TARGET_LANGUAGES:
        result.applied = 0
        return result
    fields_of = defaultdict(list)
    for obj, name in changed:
        fields_of[obj].append(name)
    with transaction.atomic():
        for obj, names in fields_of.items():
            obj.save(update_fields=names)
    result.applied = len(changed)
    return result
