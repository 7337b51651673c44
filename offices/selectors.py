"""Reads of the offices programme: public lists, the board area and the supervisor dashboard."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum, Value, When
from django.utils import timezone

from offices.models import (
    ActivityReport,
    AnnualReport,
    BoardMember,
    BudgetLine,
    FundingRequest,
    Office,
    Payment,
)
from weltstadt.models import User

ZERO = Decimal("0.00")
APPROVED = [FundingRequest.Status.APPROVED, FundingRequest.Status.PARTLY_APPROVED]
REPORTED = [AnnualReport.Status.SUBMITTED, AnnualReport.Status.ACCEPTED]
# chair, vice-chair, treasurer, members: the order in which a board introduces itself
ROLE_ORDER = Case(
    *[When(role=role, then=Value(i)) for i, role in enumerate(BoardMember.Role.values)],
    default=Value(99),
)


def _current_board(today: datetime.date) -> Q:
    return Q(appointed_on__lte=today) & (Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=today))


def office_public_list(*, country: str = "", status: str = "") -> QuerySet[Office]:
    offices = Office.objects.select_related("city")
    if country:
        offices = offices.filter(country=country)
    if status:
        offices = offices.filter(status=status)
    return offices.order_by("country", "name")


def office_public_countries() -> list[str]:
    return sorted(set(Office.objects.values_list("country", flat=True)))


def office_public_get(*, slug: str) -> Office | None:
    """An active office with its city, without its board and highlights (one query)."""
    return (
        Office.objects.select_related("city").filter(slug=slug, status=Office.Status.ACTIVE).first()
    )


def office_public_detail(*, slug: str) -> Office | None:
    today = timezone.localdate()
    board = BoardMember.objects.filter(_current_board(today)).order_by(ROLE_ORDER, "name")
    highlights = ActivityReport.objects.filter(highlight_published=True).order_by("-period_end")
    return (
        Office.objects.select_related("city")
        .prefetch_related(
            Prefetch("board_members", queryset=board, to_attr="current_board"),
            Prefetch("activity_reports", queryset=highlights, to_attr="highlights"),
        )
        .filter(slug=slug, status=Office.Status.ACTIVE)
        .first()
    )


def board_offices_for_user(user: User) -> QuerySet[Office]:
    """The offices on whose board the user currently sits (the only ones they may see)."""
    today = timezone.localdate()
    memberships = BoardMember.objects.filter(_current_board(today), user=user)
    return (
        Office.objects.filter(pk__in=memberships.values("office_id"))
        .exclude(status=Office.Status.CLOSED)
        .select_related("city")
        .order_by("name")
    )


def offices_with_files_open_to(user: User) -> QuerySet[Office]:
    """The offices whose private files (documents, financial reports) a staff user may open.

    Those the user supervises (Office.supervisors), or every office for a superuser. The supervisor
    role alone is not enough: it shows the dashboard for all offices, but an office's papers are
    for its board and its own supervisors only. An office without supervisors is open to superusers
    only (the dashboard lists such offices so that someone is assigned).
    """
    if user.is_superuser:
        return Office.objects.all()
    return Office.objects.filter(supervisors=user)


def office_files_open_to(user: User, office: Office) -> bool:
    return user.is_superuser or office.supervisors.filter(pk=user.pk).exists()


def office_board_area(*, office: Office) -> dict:
    today = timezone.localdate()
    return {
        "board": list(office.board_members.select_related("user").order_by(ROLE_ORDER, "name")),
        "documents": list(office.documents.select_related("uploaded_by")),
        "requests": list(
            office.funding_requests.annotate(paid=Sum("payments__amount")).order_by(
                "-year", "-submitted_at"
            )
        ),
        "annual_reports": list(office.annual_reports.order_by("-year")),
        "activity_reports": list(office.activity_reports.order_by("-period_end")),
        "status_changes": list(office.status_changes.all()[:10]),
        "today": today,
    }


@dataclass
class Totals:
    requested: Decimal = ZERO
    approved: Decimal = ZERO
    paid: Decimal = ZERO
    reported: Decimal = ZERO


def _rows(queryset, keys: list[str], amount: str):
    for row in queryset.values(*keys).annotate(total=Sum(amount)).order_by():
        yield tuple(row[k] for k in keys), (row["total"] or ZERO).quantize(Decimal("0.01"))


def funding_totals(*, by_office: bool) -> dict[tuple, Totals]:
    """Requested, approved, paid and reported money per (office,) year and currency.

    Four aggregate queries whatever the number of offices; every amount is a Decimal to the cent.
    """
    prefix = ["office_id"] if by_office else []
    totals: dict[tuple, Totals] = defaultdict(Totals)
    sources = [
        (
            "requested",
            BudgetLine.objects.all(),
            [f"request__{k}" for k in [*prefix, "year", "currency"]],
            "amount",
        ),
        (
            "approved",
            FundingRequest.objects.filter(status__in=APPROVED),
            [*prefix, "year", "currency"],
            "amount_approved",
        ),
        (
            "paid",
            Payment.objects.all(),
            [f"request__{k}" for k in [*prefix, "year"]] + ["currency"],
            "amount",
        ),
        (
            "reported",
            AnnualReport.objects.filter(status__in=REPORTED, amount_spent__isnull=False),
            [*prefix, "year", "currency"],
            "amount_spent",
        ),
    ]
    for name, queryset, keys, amount in sources:
        for key, total in _rows(queryset, keys, amount):
            setattr(totals[key], name, getattr(totals[key], name) + total)
    return dict(sorted(totals.items(), key=lambda item: (-item[0][-2], *item[0][:-2], item[0][-1])))


@dataclass
class Dashboard:
    status_counts: list[tuple[str, str, int]]
    totals: dict[tuple, Totals]
    overdue_reports: list[AnnualReport]
    terms_ending: list[BoardMember]
    without_chair: list[Office]
    without_supervisor: list[Office] = field(default_factory=list)
    open_requests: list[FundingRequest] = field(default_factory=list)
    reports_to_review: list[AnnualReport] = field(default_factory=list)


def dashboard(*, today: datetime.date | None = None, horizon_days: int = 60) -> Dashboard:
    """The supervisor's overview in a fixed number of queries."""
    today = today or timezone.localdate()
    counts = dict(Office.objects.values_list("status").annotate(n=Count("pk")).order_by())
    chair = BoardMember.objects.filter(
        _current_board(today), office=OuterRef("pk"), role=BoardMember.Role.CHAIR
    )
    return Dashboard(
        status_counts=[
            (value, label, counts.get(value, 0)) for value, label in Office.Status.choices
        ],
        totals=funding_totals(by_office=False),
        overdue_reports=list(
            AnnualReport.objects.filter(
                status__in=[AnnualReport.Status.DUE, AnnualReport.Status.SENT_BACK],
                deadline__lt=today,
            )
            .select_related("office")
            .order_by("deadline")
        ),
        terms_ending=list(
            BoardMember.objects.filter(
                term_ends_on__gte=today,
                term_ends_on__lte=today + datetime.timedelta(days=horizon_days),
            )
            .exclude(office__status=Office.Status.CLOSED)
            .select_related("office")
            .order_by("term_ends_on")
        ),
        without_chair=list(
            Office.objects.filter(status__in=[Office.Status.FOUNDING, Office.Status.ACTIVE])
            .filter(~Exists(chair))
            .order_by("name")
        ),
        without_supervisor=list(
            Office.objects.exclude(status=Office.Status.CLOSED)
            .filter(supervisors__isnull=True)
            .order_by("name")
        ),
        open_requests=list(
            FundingRequest.objects.filter(status=FundingRequest.Status.SUBMITTED)
            .select_related("office")
            .order_by("submitted_at")
        ),
        reports_to_review=list(
            AnnualReport.objects.filter(status=AnnualReport.Status.SUBMITTED)
            .select_related("office")
            .order_by("submitted_at")
        ),
    )


def finance_export_rows() -> list[list]:
    """Rows for the finance department: totals per office, year and currency (Decimals: the CSV
    writes them with the reader's decimal mark)."""
    totals = funding_totals(by_office=True)
    offices = Office.objects.in_bulk({key[0] for key in totals})
    rows = []
    for (office_id, year, currency), t in totals.items():
        office = offices[office_id]
        rows.append(
            [
                office.name,
                office.country.code,
                year,
                currency,
                t.requested,
                t.approved,
                t.paid,
                t.reported,
            ]
        )
    rows.sort(key=lambda row: (row[0], -row[2], row[3]))
    return rows


def registry_export_rows(*, today: datetime.date | None = None) -> list[list]:
    """The office registry, one row per office: status, place, contacts, supervision and the
    current board (chair apart). Two queries whatever the number of offices."""
    today = today or timezone.localdate()
    board = BoardMember.objects.filter(_current_board(today)).order_by(ROLE_ORDER, "name")
    offices = (
        Office.objects.select_related("city")
        .prefetch_related(Prefetch("board_members", queryset=board, to_attr="current_board"))
        .order_by("name")
    )
    rows = []
    for office in offices:
        chair = [m.name for m in office.current_board if m.role == BoardMember.Role.CHAIR]
        others = [
            f"{m.name} ({m.get_role_display()})"
            for m in office.current_board
            if m.role != BoardMember.Role.CHAIR
        ]
        rows.append(
            [
                office.name,
                office.get_status_display(),
                office.country.name,
                office.city.name,
                office.founded_on,
                " / ".join(line.strip() for line in office.address.splitlines() if line.strip()),
                office.email,
                office.phone,
                office.website,
                office.supervising_unit,
                ", ".join(chair),
                ", ".join(others),
            ]
        )
    return rows
