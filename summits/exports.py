"""CSV export of summit participants, through the portal's one CSV helper (spreadsheet-safe cells,
the reader's delimiter, times in each summit's own time zone as "YYYY-MM-DD HH:MM")."""

from django.utils import timezone
from django.utils.translation import gettext as _

from weltstadt.exports import csv_response
from weltstadt.text_search import sort_key


def _local(value, summit):
    # Naive local time of the summit's own zone, so that rows of different summits each keep
    # their own (the helper converts aware times to one zone only).
    return timezone.localtime(value, summit.tz).replace(tzinfo=None) if value else None


def registrations_csv(request, registrations, *, filename: str = "participants"):
    registrations = list(registrations)
    header = [_("Summit"), _("Name"), _("E-mail"), _("City"), _("Delegation"), _("Role"),
              _("Language"), _("Needs"), _("Status"), _("Waiting list"), _("Registered"),
              _("Arrived"), _("Time zone")]  # fmt: skip
    rows = [
        [
            str(r.summit),
            r.name,
            r.email,
            r.city.name if r.city else "",
            str(r.delegation.city) if r.delegation else "",
            r.get_role_display(),
            r.get_language_display(),
            r.needs,
            r.get_status_display(),
            r.waiting_position,
            _local(r.created_at, r.summit),
            _local(r.checked_in_at, r.summit),
            r.summit.time_zone,
        ]
        for r in registrations
    ]
    return csv_response(request, filename, header, rows)


def sorted_by_name(registrations, language: str):
    """Registrations ordered by city, then name, by the language's collation (İlkay after Ilka,
    Şule after Sabine in Turkish; never by code point, which put them after "Z")."""
    return sorted(
        registrations,
        key=lambda r: (
            sort_key(r.city.name if r.city else "", language),
            sort_key(r.name, language),
        ),
    )
