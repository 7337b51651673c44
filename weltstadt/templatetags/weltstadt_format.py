"""Formatting shared by the programmes' templates and mails."""

import datetime

from django import template

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
