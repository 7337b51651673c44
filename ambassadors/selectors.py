"""Reads for the programme's pages and the back-office."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django_countries import countries

from ambassadors.models import (
    Activity,
    Ambassador,
    Cohort,
    Evidence,
    MissionStatement,
    Module,
    ModuleCompletion,
    PersonalGoal,
)


def cohort_current() -> Cohort | None:
    """The cohort taking applications, else the latest one."""
    return (
        Cohort.objects.filter(is_open_for_applications=True).order_by("-starts_on").first()
        or Cohort.objects.order_by("-starts_on").first()
    )


def module_list(*, cohort: Cohort) -> QuerySet[Module]:
    return Module.objects.filter(cohort=cohort).order_by("order", "pk")


def ambassador_for_user(user) -> Ambassador | None:
    if not user.is_authenticated:
        return None
    return Ambassador.objects.select_related("cohort", "user").filter(user=user).first()


def ambassador_for_user_or_404(user) -> Ambassador:
    ambassador = ambassador_for_user(user)
    if ambassador is None:
        raise Http404
    return ambassador


@dataclass
class ModuleState:
    module: Module
    completion: ModuleCompletion | None = None
    evidence: Evidence | None = None  # the latest submission

    @property
    def state(self) -> str:
        if self.completion:
            return "completed"
        if self.evidence and self.evidence.status == Evidence.Status.SUBMITTED:
            return "in_review"
        if self.evidence and self.evidence.status == Evidence.Status.RETURNED:
            return "returned"
        return "open"

    @property
    def can_submit_evidence(self) -> bool:
        return self.module.needs_evidence and self.state in ("open", "returned")


@dataclass
class Progress:
    modules: list[ModuleState] = field(default_factory=list)

    @property
    def required_total(self) -> int:
        return sum(1 for m in self.modules if m.module.required)

    @property
    def required_done(self) -> int:
        return sum(1 for m in self.modules if m.module.required and m.completion)

    @property
    def percent(self) -> int:
        total = self.required_total
        return round(100 * self.required_done / total) if total else 100

    @property
    def is_complete(self) -> bool:
        return self.required_done == self.required_total

    @property
    def next(self) -> ModuleState | None:
        """The first required module not completed yet, else the first optional one."""
        pending = [m for m in self.modules if not m.completion]
        return next((m for m in pending if m.module.required), pending[0] if pending else None)


def progress_for(ambassador: Ambassador) -> Progress:
    """The ambassador's modules in order, each with its completion and latest evidence."""
    completions = {c.module_id: c for c in ModuleCompletion.objects.filter(ambassador=ambassador)}
    evidence: dict[int, Evidence] = {}
    for item in Evidence.objects.filter(ambassador=ambassador).order_by("submitted_at", "pk"):
        evidence[item.module_id] = item
    return Progress(
        modules=[
            ModuleState(module=m, completion=completions.get(m.pk), evidence=evidence.get(m.pk))
            for m in module_list(cohort=ambassador.cohort)
        ]
    )


def ambassadors_with_progress(queryset: QuerySet[Ambassador]) -> QuerySet[Ambassador]:
    """Annotate `required_done` and `required_total` (two subqueries, whatever the row count)."""
    required_total = (
        Module.objects.filter(cohort=OuterRef("cohort"), required=True)
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    required_done = (
        ModuleCompletion.objects.filter(
            ambassador=OuterRef("pk"),
            module__required=True,
            module__cohort=OuterRef("cohort"),
        )
        .order_by()
        .values("ambassador")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        required_total=Coalesce(Subquery(required_total, output_field=IntegerField()), Value(0)),
        required_done=Coalesce(Subquery(required_done, output_field=IntegerField()), Value(0)),
    )


def directory_list(*, country: str = "", field: str = "") -> QuerySet[Ambassador]:
    """Holders of the title who opted in to the public directory; nobody else."""
    from ambassadors.certificates.standing import title_holders

    ambassadors = title_holders(
        Ambassador.objects.filter(public_profile=True, user__is_active=True)
    ).select_related("user")
    if country:
        ambassadors = ambassadors.filter(country=country)
    if field:
        ambassadors = ambassadors.filter(field=field)
    return ambassadors.order_by("user__name", "pk")


def directory_countries() -> list[str]:
    return sorted(
        set(
            directory_list()
            .exclude(country="")
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
    )


def mission_statements_for(ambassador: Ambassador) -> QuerySet[MissionStatement]:
    """The published statements of the years the ambassador has been in the programme."""
    return MissionStatement.objects.filter(
        status=MissionStatement.Status.PUBLISHED, year__gte=ambassador.cohort.year
    ).order_by("-year")


def activity_list(*, ambassador: Ambassador) -> QuerySet[Activity]:
    return Activity.objects.filter(ambassador=ambassador).order_by("-date", "-pk")


@dataclass(frozen=True)
class YearStatistics:
    year: int
    goals_total: int
    goals_reported: int
    activities_by_kind: list[dict]
    activities_by_country: list[dict]


def year_statistics(year: int) -> YearStatistics:
    """Per year: personal goals reported on, activities by kind and by country."""
    goals = PersonalGoal.objects.filter(year=year).aggregate(
        total=Count("pk"), reported=Count("pk", filter=Q(reported_at__isnull=False))
    )
    activities = Activity.objects.filter(date__year=year).order_by()
    by_kind = list(
        activities.values("kind")
        .annotate(count=Count("pk"), people=Sum("people_reached"))
        .order_by("-count", "kind")
    )
    kinds = dict(Activity.Kind.choices)
    for row in by_kind:
        row["label"] = kinds.get(row["kind"], row["kind"])
    by_country = list(
        activities.values("country")
        .annotate(count=Count("pk"), people=Sum("people_reached"))
        .order_by("-count", "country")
    )
    for row in by_country:
        row["label"] = countries.name(row["country"]) or row["country"]
    return YearStatistics(
        year=year,
        goals_total=goals["total"],
        goals_reported=goals["reported"],
        activities_by_kind=by_kind,
        activities_by_country=by_country,
    )
