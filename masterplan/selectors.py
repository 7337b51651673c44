"""Reads for the public pages, the PDF and the staff summaries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, Prefetch, Q, Sum

from masterplan.charts import Chart, indicator_chart
from masterplan.linkables import linkable_querysets
from masterplan.models import (
    BallotRank,
    ExpertComment,
    Indicator,
    IndicatorTarget,
    InvestmentTarget,
    Measurement,
    Objective,
    ObjectiveLink,
    Plan,
    PriorityArea,
    Strategy,
    Workshop,
)
from masterplan.progress import Progress, progress_percent, weighted_total


def plan_adopted_current() -> Plan | None:
    """The adopted plan shown to the public: the one adopted most recently."""
    return Plan.objects.filter(status=Plan.Status.ADOPTED).order_by("-status_changed_at").first()


def _indicator_figures(indicator: Indicator) -> None:
    targets = sorted(indicator.targets.all(), key=lambda t: t.year)
    measurements = sorted(indicator.measurements.all(), key=lambda m: m.year)
    indicator.final_target = targets[-1] if targets else None
    indicator.latest = measurements[-1] if measurements else None
    indicator.target_list = targets
    indicator.measurement_list = measurements
    percent = progress_percent(
        baseline=indicator.baseline_value,
        target=indicator.final_target.value if indicator.final_target else None,
        latest=indicator.latest.value if indicator.latest else None,
        direction=indicator.direction,
    )
    indicator.progress = Progress(
        percent=percent,
        weight=indicator.weight,
        counted=not indicator.excluded_from_totals,
        measured=indicator.latest is not None,
    )


def indicator_chart_for(indicator: Indicator) -> Chart:
    return indicator_chart(
        baseline_year=indicator.baseline_year,
        baseline_value=indicator.baseline_value,
        targets=[(t.year, t.value) for t in indicator.target_list],
        measurements=[(m.year, m.value) for m in indicator.measurement_list],
    )


@dataclass
class PlanReport:
    plan: Plan
    areas: list[PriorityArea]
    total: Decimal | None
    indicators: list[Indicator] = field(default_factory=list)


def plan_report(*, plan: Plan, charts: bool = True) -> PlanReport:
    """The plan's tree with every figure computed; a fixed number of queries for any size."""
    # Each level is ordered within its parent only: the models' default ordering starts with the
    # parent, which follows the parent's ordering up to the plan, joining every table above.
    indicators_qs = Indicator.objects.order_by("position", "id").prefetch_related(
        Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
        Prefetch("measurements", queryset=Measurement.objects.order_by("year")),
    )
    areas = list(
        PriorityArea.objects.filter(plan=plan)
        .order_by("position", "code")
        .annotate(
            comments_approved=Count(
                "expert_comments",
                filter=Q(expert_comments__moderation=ExpertComment.Moderation.APPROVED),
                distinct=True,
            ),
            comments_taken_up=Count(
                "expert_comments", filter=Q(expert_comments__taken_up=True), distinct=True
            ),
        )
        .prefetch_related(
            Prefetch("strategies", queryset=Strategy.objects.order_by("position", "code")),
            Prefetch(
                "strategies__objectives", queryset=Objective.objects.order_by("position", "code")
            ),
            Prefetch("strategies__objectives__indicators", queryset=indicators_qs),
        )
    )
    everything: list[Indicator] = []
    for area in areas:
        area_items: list[Progress] = []
        for strategy in area.strategies.all():
            strategy_items: list[Progress] = []
            for objective in strategy.objectives.all():
                objective_items: list[Progress] = []
                for indicator in objective.indicators.all():
                    _indicator_figures(indicator)
                    indicator.objective_ref = objective
                    indicator.area_ref = area
                    if charts:
                        indicator.chart = indicator_chart_for(indicator)
                    objective_items.append(indicator.progress)
                    everything.append(indicator)
                objective.total = weighted_total(objective_items)
                strategy_items += objective_items
            strategy.total = weighted_total(strategy_items)
            area_items += strategy_items
        area.total = weighted_total(area_items)
    return PlanReport(
        plan=plan,
        areas=areas,
        total=weighted_total(i.progress for i in everything),
        indicators=everything,
    )


def objective_detail(*, pk: int, adopted_only: bool) -> Objective | None:
    """An objective with its indicators' figures and the items linked to it."""
    queryset = Objective.objects.select_related("strategy__area__plan").prefetch_related(
        Prefetch(
            "indicators", queryset=Indicator.objects.prefetch_related("targets", "measurements")
        ),
        Prefetch(
            "links",
            queryset=ObjectiveLink.objects.select_related("content_type").prefetch_related(
                GenericPrefetch("item", linkable_querysets())
            ),
        ),
    )
    if adopted_only:
        queryset = queryset.filter(strategy__area__plan__status=Plan.Status.ADOPTED)
    objective = queryset.filter(pk=pk).first()
    if objective is None:
        return None
    items = []
    for indicator in objective.indicators.all():
        _indicator_figures(indicator)
        indicator.chart = indicator_chart_for(indicator)
        items.append(indicator.progress)
    objective.total = weighted_total(items)
    return objective


def investment_totals(queryset) -> dict:
    """Sums of amounts per sector and year, kept apart by currency (never mixed)."""
    rows = (
        queryset.order_by()
        .values("sector", "year", "currency")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by("sector", "year", "currency")
    )
    labels = dict(InvestmentTarget.Sector.choices)
    by_sector: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_sector[row["sector"]].append(row)
    by_year = (
        queryset.order_by()
        .values("year", "currency")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by("year", "currency")
    )
    return {
        "sectors": [
            {"sector": labels.get(sector, sector), "rows": rows}
            for sector, rows in by_sector.items()
        ],
        "years": list(by_year),
    }


@dataclass
class RankingRow:
    area: PriorityArea
    points: int
    counts: list[int]
    place: int = 0
    shared: bool = False  # another area has as many points: a shared place, not broken


def workshop_ranking(*, workshop: Workshop) -> tuple[list[RankingRow], int]:
    """Areas ordered by Borda points (n points for a first place … 1 for the last) with how often
    each rank was given, areas with equal points sharing a place; plus the number of ballots."""
    areas = list(PriorityArea.objects.filter(plan_id=workshop.plan_id))
    size = len(areas)
    counts = {area.pk: [0] * size for area in areas}
    ranks = BallotRank.objects.filter(participant__workshop=workshop).values_list("area_id", "rank")
    for area_id, rank in ranks:
        if area_id in counts and 1 <= rank <= size:
            counts[area_id][rank - 1] += 1
    rows = [
        RankingRow(
            area=area,
            counts=counts[area.pk],
            points=sum((size - i) * n for i, n in enumerate(counts[area.pk])),
        )
        for area in areas
    ]
    rows.sort(key=lambda row: (-row.points, row.area.position))
    # Equal points share a place (1, 1, 3 …): a tie is shown as such, not silently broken.
    for index, row in enumerate(rows):
        same = [other for other in rows if other.points == row.points]
        row.place = index + 1 if index == 0 or rows[index - 1].points != row.points else 0
        row.shared = len(same) > 1
    for index, row in enumerate(rows):
        if row.place == 0:
            row.place = rows[index - 1].place
    ballots = workshop.participants.exclude(voted_at=None).count()
    return rows, ballots


def consultation_summary(*, plan: Plan) -> list[PriorityArea]:
    """Per area and strategy: the comments with their moderation state, for staff."""
    comments = ExpertComment.objects.select_related("invitation").order_by("created_at")
    return list(
        PriorityArea.objects.filter(plan=plan).prefetch_related(
            Prefetch("expert_comments", queryset=comments),
            Prefetch(
                "strategies",
                queryset=Strategy.objects.prefetch_related(
                    Prefetch("expert_comments", queryset=comments)
                ),
            ),
        )
    )


def plan_pdf_parts(*, plan: Plan) -> dict:
    """What the PDF shows besides the plan's tree: investment targets with their totals, the
    local data, the workshops with their rankings, and the versions."""
    from masterplan.models import LocalDataset, LocalDataValue

    investments = plan.investment_targets.prefetch_related("target_cities")
    workshops = []
    for item in plan.workshops.all():
        item.rows, item.ballots = workshop_ranking(workshop=item)
        item.ties = any(row.shared for row in item.rows)
        workshops.append(item)
    return {
        "investments": list(investments),
        "investment_totals": investment_totals(plan.investment_targets.all()),
        "datasets": list(
            LocalDataset.objects.prefetch_related(
                Prefetch("values", queryset=LocalDataValue.objects.order_by("year"))
            )
        ),
        "workshops": workshops,
        "versions": list(plan.versions.all()),
    }
