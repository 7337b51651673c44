"""Import of the shipped public data (weltstadt/data/*.csv) into City, Partnership and Network.

Idempotent: every row is matched by its natural key and updated, so running it again changes
nothing and running it after a data update applies the update.
"""

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from weltstadt.models import City, Network, Partnership

DATA_DIR = Path(__file__).resolve().parent / "data"
IZMIR = ("İzmir", "TR")
# "Gaziemir (İzmir)" names a district and its city; "Bremen-Osterholz (district)" a district.
_PARENTHESIS = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^)]+)\)$")


@dataclass
class ImportResult:
    cities: int
    partnerships: int
    networks: int


def _rows(filename: str) -> list[dict]:
    with open(DATA_DIR / filename, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _city_name(raw: str) -> str:
    match = _PARENTHESIS.match(raw)
    return match["name"] if match else raw


def _import_cities() -> dict[str, City]:
    cities: dict[str, City] = {}
    rows = _rows("city_coordinates.csv")
    for row in rows:
        city, _created = City.objects.update_or_create(
            name=row["name"],
            country=row["country_iso2"],
            defaults={
                "latitude": Decimal(row["latitude"]),
                "longitude": Decimal(row["longitude"]),
                "coordinates_source": row["source_url"],
            },
        )
        cities[row["name"]] = city
    for row in rows:
        if row["part_of"]:
            city = cities[row["name"]]
            city.part_of = cities[row["part_of"]]
            city.save(update_fields=["part_of"])
    return cities


def _city(cities: dict[str, City], name: str, country: str) -> City:
    if name not in cities:
        cities[name], _created = City.objects.get_or_create(name=name, country=country)
    return cities[name]


def _sister_city_status(note: str) -> str:
    if note.upper().startswith("CANCELLED"):
        return Partnership.Status.CANCELLED
    if note.lower().startswith("council decision only"):
        return Partnership.Status.COUNCIL_DECISION
    return Partnership.Status.ACTIVE


def _note_translations() -> dict[str, dict[str, str]]:
    """The portal's own translations of the sister-city notes: {city: {language: text}}."""
    translations: dict[str, dict[str, str]] = {}
    for row in _rows("sister_city_notes_translations.csv"):
        translations.setdefault(row["city"], {})[row["language"]] = row["note"]
    return translations


def _import_partnerships(cities: dict[str, City]) -> int:
    izmir = _city(cities, *IZMIR)
    translations = _note_translations()
    count = 0
    for row in _rows("izmir_sister_cities.csv"):
        translated = {
            f"note_{language}": text for language, text in translations.get(row["city"], {}).items()
        }
        Partnership.objects.update_or_create(
            city=izmir,
            partner=_city(cities, row["city"], row["country_iso2"]),
            kind=row["relation"],
            defaults={
                "status": _sister_city_status(row["note"]),
                "council_act_date": _date(row["council_act_date"]),
                "protocol_date": _date(row["protocol_date"]),
                "source_url": row["source_url"],
                "note_en": row["note"],
                **translated,
            },
        )
        count += 1
    for row in _rows("german_turkish_partnerships.csv"):
        Partnership.objects.update_or_create(
            city=_city(cities, _city_name(row["turkish_city"]), "TR"),
            partner=_city(cities, _city_name(row["german_city"]), "DE"),
            kind=Partnership.Kind.MUNICIPAL,
            defaults={
                "since_year": int(row["since_year"]) if row["since_year"] else None,
                "source_url": row["source_url"],
            },
        )
        count += 1
    return count


def _network_translations() -> dict[str, dict[str, str]]:
    """The portal's own translations of the networks' descriptions: {network: {language: text}}."""
    translations: dict[str, dict[str, str]] = {}
    for row in _rows("city_networks_translations.csv"):
        translations.setdefault(row["network"], {})[row["language"]] = row["description"]
    return translations


def _import_networks() -> int:
    rows = _rows("city_networks.csv")
    translations = _network_translations()
    for row in rows:
        description = row["description_en"]
        translated = {
            f"description_{language}": text
            for language, text in translations.get(row["network"], {}).items()
        }
        Network.objects.update_or_create(
            name=row["network"],
            defaults={
                "founded_year": int(row["founded_year"]) if row["founded_year"] else None,
                "members_count": int(row["members_count"]) if row["members_count"] else None,
                "members_count_is_lower_bound": bool(
                    re.search(r"\b(more than|over)\b", description, re.IGNORECASE)
                ),
                "description_en": description,
                **translated,
                "source_url": row["source_url"],
            },
        )
    return len(rows)


@transaction.atomic
def partner_data_import() -> ImportResult:
    """Load every shipped CSV; safe to run any number of times."""
    cities = _import_cities()
    partnerships = _import_partnerships(cities)
    networks = _import_networks()
    return ImportResult(cities=len(cities), partnerships=partnerships, networks=networks)
