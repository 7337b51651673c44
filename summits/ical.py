"""iCalendar files of a summit and of its sessions, with times in the summit's time zone."""

from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from summits.models import Session, Summit
from weltstadt.private_storage import private_storage


def _calendar(summit: Summit) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Verein Weltstadt Izmir//Summits//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", summit.time_zone)
    return calendar


def _session_event(session: Session, summit: Summit, url: str) -> Event:
    tz = summit.tz
    event = Event()
    event.add("uid", f"summit-session-{session.pk}@weltstadt")
    event.add("summary", session.title)
    event.add("dtstart", session.starts_at.astimezone(tz))
    event.add("dtend", session.ends_at.astimezone(tz))
    event.add("dtstamp", timezone.now())
    location = ", ".join(part for part in [session.room, summit.venue] if part)
    if location:
        event.add("location", location)
    description = _session_description(session)
    if description:
        event.add("description", description)
    event.add("url", session.stream_url or url)
    return event


def _session_description(session: Session) -> str:
    """The abstract and who speaks ("Speakers: Name (Affiliation), …")."""
    parts = [session.abstract.strip()] if session.abstract else []
    speakers = [
        f"{speaker.name} ({speaker.affiliation})" if speaker.affiliation else speaker.name
        for speaker in session.speakers.all()
    ]
    if speakers:
        parts.append(_("Speakers: %(names)s") % {"names": ", ".join(speakers)})
    return "\n\n".join(parts)


def summit_calendar(*, summit: Summit, sessions: list[Session], url_path: str) -> bytes:
    """The summit (all-day) and every session, as one calendar."""
    calendar = _calendar(summit)
    url = settings.SITE_URL + url_path
    event = Event()
    event.add("uid", f"summit-{summit.pk}@weltstadt")
    event.add("summary", summit.title)
    event.add("dtstart", summit.start_date)
    event.add("dtend", summit.end_date + timedelta(days=1))
    event.add("dtstamp", timezone.now())
    event.add("location", ", ".join(p for p in [summit.venue, summit.host_city.name] if p))
    description = "\n\n".join(p for p in [summit.theme, summit.description] if p)
    if description:
        event.add("description", description)
    event.add("url", url)
    calendar.add_component(event)
    for session in sessions:
        calendar.add_component(_session_event(session, summit, url))
    _timezones(calendar, summit)
    return calendar.to_ical()


def _timezones(calendar: Calendar, summit: Summit) -> None:
    # VTIMEZONE definitions for the years around the summit only, to keep the file small.
    calendar.add_missing_timezones(
        first_date=summit.start_date - timedelta(days=366),
        last_date=summit.end_date + timedelta(days=366),
    )


def session_calendar(*, session: Session, url_path: str) -> bytes:
    calendar = _calendar(session.summit)
    calendar.add_component(_session_event(session, session.summit, settings.SITE_URL + url_path))
    _timezones(calendar, session.summit)
    return calendar.to_ical()


def summit_calendar_file(*, summit: Summit, language: str) -> dict:
    """The summit's calendar in `language`, stored privately for a mail attachment (the outbox
    attaches files by path). Written again each time, so a mail carries the current programme."""
    with translation.override(language):
        content = summit_calendar(
            summit=summit,
            sessions=list(summit.sessions.prefetch_related("speakers").order_by("starts_at")),
            url_path=reverse("summits:detail", kwargs={"slug": summit.slug}),
        )
    path = f"summits/calendars/summit-{summit.pk}-{language}.ics"
    if private_storage.exists(path):
        private_storage.delete(path)
    private_storage.save(path, ContentFile(content))
    return {"path": path, "filename": f"{summit.slug}.ics", "mimetype": "text/calendar"}
