"""The external-relations master plan: only what adopted plans contain (the public pages' rule).

Progress is computed by masterplan.progress, the one module that does it for the pages, the CSV
and the PDF; the rule is given with every figure.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Prefetch, QuerySet

from api import filters
from api.serializers.masterplan import (
    IndicatorSerializer,
    InvestmentTargetSerializer,
    LocalDatasetSerializer,
    ObjectiveDetailSerializer,
    ObjectiveSerializer,
    PlanAreaSerializer,
)
from api.views.base import SLUG, PublicViewSet, documented
from masterplan.linkables import item_is_public, linkable_querysets
from masterplan.models import (
    Indicator,
    InvestmentTarget,
    LocalDataset,
    LocalDataValue,
    Objective,
    ObjectiveLink,
    Plan,
    PriorityArea,
)
from masterplan.progress import Progress, progress_percent, weighted_total

ADOPTED = Plan.Status.ADOPTED


def indicator_figures(indicator: Indicator) -> None:
    """Targets, measurements and progress of an indicator whose targets and measurements are
    prefetched (no query)."""
    indicator.target_list = sorted(indicator.targets.all(), key=lambda t: t.year)
    indicator.measurement_list = sorted(indicator.measurements.all(), key=lambda m: m.year)
    target = indicator.target_list[-1] if indicator.target_list else None
    latest = indicator.measurement_list[-1] if indicator.measurement_list else None
    indicator.progress = Progress(
        percent=progress_percent(
            baseline=indicator.baseline_value,
            target=target.value if target else None,
            latest=latest.value if latest else None,
            direction=indicator.direction,
        ),
        weight=indicator.weight,
        counted=not indicator.excluded_from_totals,
        measured=latest is not None,
    )


def served_by_programme(queryset: QuerySet, programme: str, path: str) -> QuerySet:
    """Rows whose objective (at `path`) has a linked item of the programme's app."""
    types = ContentType.objects.filter(app_label=programme)
    links = ObjectiveLink.objects.filter(content_type__in=types).values("objective_id")
    return queryset.filter(**{f"{path}__in": links})


class PlanAreaViewSet(PublicViewSet):
    """The priority areas of the adopted master plans, with their strategies."""

    serializer_class = PlanAreaSerializer

    def published(self):
        return (
            PriorityArea.objects.filter(plan__status=ADOPTED)
            .select_related("plan")
            .prefetch_related("strategies")
        )


@documented(filters.ObjectiveFilters)
class ObjectiveViewSet(PublicViewSet):
    """Objectives of the adopted plans with their progress; the detail adds the indicators and
    the public items (summit follow-up actions, office reports, partnerships …) serving each."""

    serializer_class = ObjectiveSerializer
    detail_serializer_class = ObjectiveDetailSerializer

    def published(self):
        indicators = Indicator.objects.prefetch_related("targets", "measurements")
        objectives = (
            Objective.objects.filter(strategy__area__plan__status=ADOPTED)
            .select_related("strategy__area")
            .prefetch_related(Prefetch("indicators", queryset=indicators))
        )
        if self.action == "retrieve":
            links = ObjectiveLink.objects.select_related("content_type").prefetch_related(
                GenericPrefetch("item", linkable_querysets())
            )
            objectives = objectives.prefetch_related(Prefetch("links", queryset=links))
        return objectives

    def filter_queryset_by(self, queryset, filters):
        if "programme" in filters:
            queryset = served_by_programme(queryset, filters["programme"], "pk")
        if "area" in filters:
            queryset = queryset.filter(strategy__area_id=filters["area"])
        return queryset

    def decorate(self, objects):
        for objective in objects:
            objective.indicator_list = list(objective.indicators.all())
            for indicator in objective.indicator_list:
                indicator_figures(indicator)
                indicator.objective = objective
            objective.total = weighted_total(i.progress for i in objective.indicator_list)
            if self.action == "retrieve":
                objective.served_by = [
                    {
                        "kind": f"{link.content_type.app_label}.{link.content_type.model}",
                        "id": link.object_id,
                        "label": str(link.item),
                        "url": f"{settings.SITE_URL}{link.item.get_absolute_url()}"
                        if hasattr(link.item, "get_absolute_url")
                        else None,
                        "note": link.note,
                    }
                    for link in objective.links.all()
                    if item_is_public(link.content_type, link.item)
                ]


@documented(filters.IndicatorFilters)
class IndicatorViewSet(PublicViewSet):
    """Indicators of the adopted plans: baseline, targets, measurements and the computed progress
    with its rule."""

    serializer_class = IndicatorSerializer

    def published(self):
        return (
            Indicator.objects.filter(objective__strategy__area__plan__status=ADOPTED)
            .select_related("objective")
            .prefetch_related("targets", "measurements")
        )

    def filter_queryset_by(self, queryset, filters):
        if "programme" in filters:
            queryset = served_by_programme(queryset, filters["programme"], "objective_id")
        if "objective" in filters:
            queryset = queryset.filter(objective_id=filters["objective"])
        return queryset

    def decorate(self, objects):
        for indicator in objects:
            indicator_figures(indicator)


@documented(filters.InvestmentFilters)
class InvestmentTargetViewSet(PublicViewSet):
    """Investment targets of the adopted plans (amounts in their own currency, never summed
    across currencies)."""

    serializer_class = InvestmentTargetSerializer

    def published(self):
        return InvestmentTarget.objects.filter(plan__status=ADOPTED).prefetch_related(
            "target_cities"
        )

    def filter_queryset_by(self, queryset, filters):
        if "country" in filters:
            queryset = queryset.filter(target_countries__contains=filters["country"])
        if "kind" in filters:
            queryset = queryset.filter(sector=filters["kind"])
        for name in ("status", "year"):
            if name in filters:
                queryset = queryset.filter(**{name: filters[name]})
        return queryset


class LocalDatasetViewSet(PublicViewSet):
    """Series of figures about İzmir by year, with their sources."""

    serializer_class = LocalDatasetSerializer
    lookup_field = "key"
    # not "key": that URL argument marks a personal link (weltstadt.middleware.TOKEN_KWARGS)
    lookup_url_kwarg = "dataset"
    lookup_value_regex = SLUG

    def published(self):
        values = LocalDataValue.objects.order_by("year")
        return LocalDataset.objects.prefetch_related(Prefetch("values", queryset=values))
