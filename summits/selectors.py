"""Reads of the summits programme; every list has a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from summits.models import FollowUpAction, Registration, Session, Speaker, Summit
from weltstadt.models import City
from weltstadt.text_search import filter_folded, fold, sort_key

PUBLIC = [Summit.Status.OPEN, Summit.Status.CLOSED, Summit.Status.HELD, Summit.Status.ARCHIVED]


def summit_lists(*, today: date | None = None) -> tuple[list[Summit], list[Summit]]:
    """Upcoming (soonest first) and past (latest first) public summits."""
    today = today or timezone.localdate()
    summits = Summit.objects.filter(status__in=PUBLIC).select_related("host_city")
    upcoming = list(summits.filter(end_date__gte=today).order_by("start_date"))
    past = list(summits.filter(end_date__lt=today).order_by("-start_date"))
    return upcoming, past


def summit_get_public(*, slug: str) -> Summit:
    """A public summit with its host city and its declaration, if adopted (one query)."""
    return get_object_or_404(
        Summit.objects.select_related("host_city", "declaration").filter(status__in=PUBLIC),
        slug=slug,
    )


def session_list(*, summit: Summit) -> QuerySet[Session]:
    return (
        summit.sessions.select_related("track")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.select_related("city")))
        .order_by("starts_at", "room")
    )


@dataclass
class ProgrammeDay:
    day: date
    sessions: list[Session]


def programme_by_day(*, summit: Summit) -> list[ProgrammeDay]:
    """The sessions grouped by their day in the summit's time zone."""
    days: dict[date, list[Session]] = defaultdict(list)
    tz = summit.tz
    for session in session_list(summit=summit):
        days[timezone.localtime(session.starts_at, tz).date()].append(session)
    return [ProgrammeDay(day, sessions) for day, sessions in sorted(days.items())]


def speaker_list(*, summit: Summit, language: str | None = None) -> list[Speaker]:
    speakers = Speaker.objects.filter(sessions__summit=summit).select_related("city").distinct()
    return sorted(speakers, key=lambda speaker: sort_key(speaker.name, language))


def participating_cities(*, summit: Summit) -> list[City]:
    """The host city and every city with a delegation or a confirmed participant."""
    cities = City.objects.filter(
        Q(pk=summit.host_city_id)
        | Q(pk__in=summit.delegations.values("city"))
        | Q(
            pk__in=summit.registrations.filter(
                status=Registration.Status.CONFIRMED, city__isnull=False
            ).values("city")
        )
    )
    return sorted(cities, key=lambda city: sort_key(city.name))


def follow_up_list(*, summit: Summit) -> list[FollowUpAction]:
    return list(summit.follow_up_actions.select_related("owner_city"))


def registration_counts(*, summit: Summit) -> dict[str, int]:
    counts = dict(summit.registrations.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in Registration.Status.values}


def registration_availability(*, summit: Summit, counts: dict[str, int] | None = None) -> str:
    """What a visitor can still get before filling in the form: "open" (a place), "waiting_list"
    (only a place on the waiting list), "full" (nothing) or "closed" (registration not open)."""
    if not summit.registration_is_open:
        return "closed"
    counts = counts if counts is not None else registration_counts(summit=summit)
    if counts[Registration.Status.CONFIRMED] < summit.capacity:
        return "open"
    if counts[Registration.Status.WAITING] < summit.waiting_list_capacity:
        return "waiting_list"
    return "full"


def attendance(*, summit: Summit) -> dict:
    """Confirmed and arrived participants per city and per role."""
    confirmed = summit.registrations.filter(status=Registration.Status.CONFIRMED)

    def table(field: str) -> list[dict]:
        rows = confirmed.values(field).annotate(
            registered=Count("pk"), arrived=Count("pk", filter=Q(checked_in_at__isnull=False))
        )
        return sorted(rows.order_by(), key=lambda row: sort_key(row[field] or ""))

    roles = dict(Registration.Role.choices)
    by_role = sorted(
        ({**row, "label": str(roles.get(row["role"], row["role"]))} for row in table("role")),
        key=lambda row: sort_key(row["label"]),
    )
    return {
        "by_city": table("city__name"),
        "by_role": by_role,
        "registered": confirmed.count(),
        "arrived": confirmed.filter(checked_in_at__isnull=False).count(),
    }


def checkin_by_code(*, summit: Summit, query: str) -> Registration | None:
    """The participant whose badge was scanned: the QR content ("WSUM:…", in any case, as some
    scanners send lower case) or the printed code."""
    code = query.strip()
    if fold(code[:5]) == "wsum:":
        code = code[5:]
    code = code.strip().upper()
    if not code:
        return None
    return (
        summit.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("city", "checked_in_by")
        .filter(checkin_code=code)
        .first()
    )


def checkin_search(
    *, summit: Summit, query: str, language: str | None = None
) -> list[Registration]:
    """Find participants by the content of their badge's QR code, its code, or their name or
    address, ignoring case (Turkish rules) and diacritics: "kilic" finds Kılıç, "ipek" İpek."""
    query = query.strip()
    if not query:
        return []
    found = checkin_by_code(summit=summit, query=query)
    if found is not None:
        return [found]
    registrations = summit.registrations.exclude(status=Registration.Status.CANCELLED)
    matches = filter_folded(registrations, ["name", "email"], query).select_related(
        "city", "checked_in_by"
    )
    return sorted(matches[:50], key=lambda r: sort_key(r.name, language))


@dataclass
class BadgeProgress:
    total: int
    rendered: int
    sheet_done: bool

    @property
    def is_done(self) -> bool:
        return self.sheet_done and self.rendered >= self.total

    @property
    def percent(self) -> int:
        steps = self.total + 1  # every badge and the sheet
        done = min(self.rendered, self.total) + (1 if self.sheet_done else 0)
        return round(100 * done / steps)

    def as_dict(self) -> dict:
        return {"total": self.total, "rendered": self.rendered, "percent": self.percent,
                "done": self.is_done}  # fmt: skip


def badge_progress(*, summit: Summit) -> BadgeProgress:
    """How far the latest badge run has come (badges rendered since it was requested)."""
    since = summit.badges_requested_at
    confirmed = summit.registrations.filter(status=Registration.Status.CONFIRMED)
    counts = confirmed.aggregate(
        total=Count("pk"),
        rendered=Count("pk", filter=Q(badge_rendered_at__gte=since) if since else Q(pk=None)),
    )
    sheet_done = bool(since and summit.badges_rendered_at and summit.badges_rendered_at >= since)
    return BadgeProgress(total=counts["total"], rendered=counts["rendered"], sheet_done=sheet_done)
