"""CSV export of a summit's participants (UTF-8 with BOM, so spreadsheets keep İ, ş, ğ)."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _


def registrations_csv(registrations) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="participants.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8 (İ, ş, ğ)
    writer = csv.writer(response)
    writer.writerow(
        [_("Summit"), _("Name"), _("E-mail"), _("City"), _("Delegation"), _("Role"),
         _("Language"), _("Needs"), _("Status"), _("Waiting list"), _("Arrived")]
    )  # fmt: skip
    for r in registrations:
        writer.writerow(
            [
                str(r.summit),
                r.name,
                r.email,
                r.city.name if r.city else "",
                str(r.delegation.city) if r.delegation else "",
                r.get_role_display(),
                r.language,
                r.needs,
                r.get_status_display(),
                r.waiting_position or "",
                r.checked_in_at.isoformat() if r.checked_in_at else "",
            ]
        )
    return response
