import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from offices.models import ActivityReport, AnnualReport, Office
from offices.models.money import Currency
from offices.services.errors import OfficeError
from offices.services.funding import _amount, max_request_amount, report_deadline
from offices.services.notify import board_users, supervisor_users
from offices.uploads import validate_upload
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue_for_user


def annual_report_submit(
    *,
    office: Office,
    by: User,
    year: int,
    amount_spent: Decimal | str,
    currency: str,
    activity_summary: str,
    financial_report=None,
) -> AnnualReport:
    """Submit (or resubmit after it was sent back) the financial and activity report of a year.

    Guarantees: a report already submitted or accepted is not overwritten; the amount is a
    Decimal to the cent in a known currency; the file passes the upload checks; the office's
    supervisors are told (once per submission).
    """
    if currency not in Currency.values:
        raise OfficeError(_("Choose a currency from the list."))
    amount = _amount(amount_spent, label=_("The amount spent"), limit=max_request_amount())
    summary = (activity_summary or "").strip()
    if not summary:
        raise OfficeError(_("Describe the year's activities."))
    if financial_report is not None:
        validate_upload(financial_report)
    this_year = timezone.localdate().year
    if not (this_year - 5 <= int(year) <= this_year):
        raise OfficeError(_("Reports can be submitted for this year and the five years before."))
    with transaction.atomic():
        report, _created = AnnualReport.objects.select_for_update().get_or_create(
            office=office, year=int(year), defaults={"deadline": report_deadline(int(year))}
        )
        if not report.is_open:
            raise OfficeError(_("The report of this year has already been submitted."))
        report.amount_spent = amount
        report.currency = currency
        report.activity_summary = summary
        if financial_report is not None:
            report.financial_report = financial_report
        report.status = AnnualReport.Status.SUBMITTED
        report.submitted_by = by
        report.submitted_at = timezone.now()
        report.save()
        stamp = int(report.submitted_at.timestamp())
        for user in supervisor_users(office):
            mail_enqueue_for_user(
                user,
                key=f"offices:report-submitted:{report.pk}:{stamp}:{user.pk}",
                template="offices/report_submitted",
                context={
                    "office": office.name,
                    "office_id": office.pk,
                    "report_id": report.pk,
                    "year": report.year,
                    "amount_spent": str(amount),
                    "currency": currency,
                },
            )
    return report


def annual_report_review(
    *, report: AnnualReport, by: User, accept: bool, note: str = ""
) -> AnnualReport:
    """Accept a submitted report, or send it back to the board with a note saying why.

    Guarantees: only a submitted report is reviewed (row locked); sending back needs a note; the
    board is mailed once per review.
    """
    note = (note or "").strip()
    if not accept and not note:
        raise OfficeError(_("Say what the board should change."))
    with transaction.atomic():
        locked = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if locked.status != AnnualReport.Status.SUBMITTED:
            raise OfficeError(_("Only a submitted report can be reviewed."))
        locked.status = AnnualReport.Status.ACCEPTED if accept else AnnualReport.Status.SENT_BACK
        locked.reviewed_by = by
        locked.reviewed_at = timezone.now()
        locked.review_note = note
        locked._change_reason = note or locked.status
        locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        stamp = int(locked.reviewed_at.timestamp())
        for user in board_users(locked.office):
            mail_enqueue_for_user(
                user,
                key=f"offices:report-review:{locked.pk}:{stamp}:{user.pk}",
                template="offices/report_review",
                context={
                    "office": locked.office.name,
                    "office_id": locked.office_id,
                    "year": locked.year,
                    "status": locked.status,
                    "note": note,
                },
            )
    return locked


def activity_report_submit(
    *,
    office: Office,
    by: User,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    attachment=None,
    **fields,
) -> ActivityReport:
    """Record what an office did in a period; its highlight stays private until published.

    An attachment (photos, a programme, press cuttings) passes the same content checks as the
    annual report's file and is served only through the views that check the office.
    """
    title = (title or "").strip()
    if not title:
        raise OfficeError(_("Give the report a title."))
    if period_end < period_start:
        raise OfficeError(_("The period ends before it starts."))
    if attachment is not None:
        validate_upload(attachment)
    allowed = {
        "events",
        "events_count",
        "contacts",
        "institutions",
        "media_coverage",
        "visitors",
        "highlight",
    }
    return ActivityReport.objects.create(
        office=office,
        title=title,
        period_start=period_start,
        period_end=period_end,
        submitted_by=by,
        attachment=attachment or "",
        attachment_name=attachment.name[:255] if attachment is not None else "",
        **{key: value for key, value in fields.items() if key in allowed},
    )


def activity_highlight_publish(
    *, report: ActivityReport, by: User, published: bool
) -> ActivityReport:
    """Show (or hide) a report's highlight on the office's public page; it needs a text."""
    if published and not (report.highlight or "").strip():
        raise OfficeError(_("Write a highlight before publishing it."))
    report.highlight_published = published
    report.save(update_fields=["highlight_published"])
    return report
