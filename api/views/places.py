"""Cities, partnerships and city networks (all from public sources, all published)."""

from django.db.models import Q

from api import filters
from api.serializers.places import CitySerializer, NetworkSerializer, PartnershipSerializer
from api.views.base import PublicViewSet, documented
from weltstadt.models import City, Network
from weltstadt.selectors import network_list, partnership_list


@documented(filters.CityFilters)
class CityViewSet(PublicViewSet):
    """Cities and districts with their position."""

    serializer_class = CitySerializer

    def published(self):
        return City.objects.select_related("part_of")

    def filter_queryset_by(self, queryset, filters):
        if "country" in filters:
            queryset = queryset.filter(country=filters["country"])
        return queryset


@documented(filters.PartnershipFilters)
class PartnershipViewSet(PublicViewSet):
    """İzmir's partnerships and the German–Turkish municipal partnerships, as their sources
    state them."""

    serializer_class = PartnershipSerializer

    def published(self):
        return partnership_list()

    def filter_queryset_by(self, queryset, filters):
        if "country" in filters:
            queryset = queryset.filter(partner__country=filters["country"])
        for name in ("kind", "status"):
            if name in filters:
                queryset = queryset.filter(**{name: filters[name]})
        if "year" in filters:
            # the year Partnership.year gives: protocol, else council decision, else "since"
            year = filters["year"]
            queryset = queryset.filter(
                Q(protocol_date__year=year)
                | Q(protocol_date__isnull=True, council_act_date__year=year)
                | Q(protocol_date__isnull=True, council_act_date__isnull=True, since_year=year)
            )
        return queryset


@documented(filters.NetworkFilters)
class NetworkViewSet(PublicViewSet):
    """International city networks and their member cities."""

    serializer_class = NetworkSerializer

    def published(self):
        return network_list()

    def filter_queryset_by(self, queryset, filters):
        if "country" in filters:
            members = Network.members.through.objects.filter(city__country=filters["country"])
            queryset = queryset.filter(pk__in=members.values("network_id"))
        return queryset
