"""Reads for the public pages of the core app."""

from django.db.models import QuerySet

from weltstadt.models import City, Network, Partnership

IZMIR = "İzmir"


def partnership_list(*, country: str = "", kind: str = "") -> QuerySet[Partnership]:
    partnerships = Partnership.objects.select_related("city", "partner", "partner__part_of")
    if country:
        partnerships = partnerships.filter(partner__country=country.upper())
    if kind:
        partnerships = partnerships.filter(kind=kind)
    return partnerships.order_by("kind", "partner__name")


def partnership_countries() -> list[str]:
    return sorted(set(Partnership.objects.values_list("partner__country", flat=True)))


def network_list() -> QuerySet[Network]:
    return Network.objects.prefetch_related("members").order_by("name")


def city_izmir() -> City | None:
    return City.objects.filter(name=IZMIR, country="TR").first()
