"""Formatting shared by the programmes' templates and mails."""

import datetime

from django import template

from weltstadt.dates import date_local, datetime_local

register = template.Library()


@register.filter
def iso_date(value) -> datetime.date | str:
    """A date from its ISO text (as mail contexts store it, JSON having no dates), ready for the
    `date` filter, which then writes it the way the recipient's language does."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return value


@register.filter
def local_date(value, length: str = "long") -> str:
    """A date the way the active language writes it: `{{ issue.date|local_date }}` gives
    "7 Aralık 2026" in Turkish, "1er octobre 2026" in French; `|local_date:"short"` numbers.
    Takes dates, datetimes (in local time) and ISO text (mail contexts)."""
    return date_local(value, length)


@register.filter
def local_datetime(value, length: str = "short") -> str:
    """A moment in local time the way the active language writes it, with hours and minutes."""
    return datetime_local(value, length)
