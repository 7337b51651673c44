import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from offices.models import AnnualReport, BudgetLine, FundingRequest, Office, Payment
from offices.models.money import CENT, Currency
from offices.services.errors import OfficeError
from offices.services.notify import board_users
from offices.templatetags.offices_format import money
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue_for_user

MAX_AMOUNT = Decimal("999999999999.99")


def _amount(value, *, label: str) -> Decimal:
    """A positive amount with at most two decimals, as a Decimal (never through float)."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise OfficeError(_("%(label)s is not an amount.") % {"label": label}) from None
    if not amount.is_finite() or amount < CENT or amount > MAX_AMOUNT:
        raise OfficeError(_("%(label)s must be a positive amount.") % {"label": label})
    if amount != amount.quantize(CENT):
        raise OfficeError(_("%(label)s may have at most two decimals.") % {"label": label})
    return amount.quantize(CENT)


def report_deadline(year: int) -> datetime.date:
    """The annual report of a year is due on the configured day of the next year."""
    month, day = getattr(settings, "OFFICES_REPORT_DEADLINE", (3, 31))
    return datetime.date(year + 1, month, day)


def funding_request_submit(
    *,
    office: Office,
    by: User,
    year: int,
    purpose: str,
    currency: str,
    lines: Iterable[tuple[str, Decimal | str]],
) -> FundingRequest:
    """Record a board's funding request with its budget lines.

    Guarantees: the office is the one given (never taken from input), the currency is a known ISO
    code, every line has a description and a positive amount to the cent, the requested amount is
    the exact Decimal sum of the lines; on any refusal nothing is stored.
    """
    if currency not in Currency.values:
        raise OfficeError(_("Choose a currency from the list."))
    if office.status not in (Office.Status.FOUNDING, Office.Status.ACTIVE):
        raise OfficeError(_("Only offices being founded or active can request funding."))
    this_year = timezone.localdate().year
    if not (this_year - 1 <= int(year) <= this_year + 2):
        raise OfficeError(_("Funding can be requested for last year up to two years ahead."))
    purpose = (purpose or "").strip()
    if not purpose:
        raise OfficeError(_("Describe the purpose of the request."))
    clean = []
    for description, amount in lines:
        description = (description or "").strip()
        if not description:
            raise OfficeError(_("Every budget line needs a description."))
        clean.append((description[:200], _amount(amount, label=description)))
    if not clean:
        raise OfficeError(_("Add at least one budget line."))
    with transaction.atomic():
        request = FundingRequest.objects.create(
            office=office,
            year=int(year),
            purpose=purpose,
            currency=currency,
            amount_requested=sum((amount for _d, amount in clean), Decimal("0.00")),
            submitted_by=by,
        )
        bulk_create_with_history(
            [BudgetLine(request=request, description=d, amount=a) for d, a in clean],
            BudgetLine,
            default_user=by,
        )
    return request


def funding_request_decide(
    *,
    request: FundingRequest,
    by: User,
    decision: str,
    amount: Decimal | str | None = None,
    reason: str = "",
) -> FundingRequest:
    """Approve a submitted request in full or in part, or reject it with a reason.

    Guarantees: only a submitted request is decided (row locked, so two supervisors cannot both
    decide); a partial approval is above zero and below the requested amount and needs a reason;
    a rejection needs a reason; an approval makes the year's annual report due; the board is
    mailed once.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = FundingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != FundingRequest.Status.SUBMITTED:
            raise OfficeError(_("This request has already been decided."))
        if decision == FundingRequest.Status.APPROVED:
            approved = locked.amount_requested
        elif decision == FundingRequest.Status.PARTLY_APPROVED:
            approved = _amount(amount, label=_("The approved amount"))
            if approved >= locked.amount_requested:
                raise OfficeError(_("An approval in part must be less than the requested amount."))
            if not reason:
                raise OfficeError(_("Give a reason for approving only a part."))
        elif decision == FundingRequest.Status.REJECTED:
            approved = None
            if not reason:
                raise OfficeError(_("Give a reason for the rejection."))
        else:
            raise OfficeError(_("Choose a decision."))
        locked.status = decision
        locked.amount_approved = approved
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.decision_reason = reason
        locked._change_reason = reason or decision
        locked.save(
            update_fields=[
                "status",
                "amount_approved",
                "decided_by",
                "decided_at",
                "decision_reason",
            ]
        )
        if approved is not None:
            AnnualReport.objects.get_or_create(
                office_id=locked.office_id,
                year=locked.year,
                defaults={"deadline": report_deadline(locked.year), "currency": locked.currency},
            )
        for user in board_users(locked.office):
            mail_enqueue_for_user(
                user,
                key=f"offices:funding-decision:{locked.pk}:{user.pk}",
                template="offices/funding_decision",
                context={
                    "office": locked.office.name,
                    "office_id": locked.office_id,
                    "year": locked.year,
                    "status": locked.status,
                    "requested": str(locked.amount_requested),
                    "approved": str(approved) if approved is not None else "",
                    "currency": locked.currency,
                    "reason": reason,
                },
            )
    return locked


def payment_record(
    *,
    request: FundingRequest,
    by: User,
    amount: Decimal | str,
    paid_on: datetime.date,
    reference: str = "",
) -> Payment:
    """Record a payment on an approved request, in its currency.

    Guarantees: the request is approved (in full or in part); payments never add up to more than
    the approved amount (checked under a lock on the request); the currency is the request's.
    """
    amount = _amount(amount, label=_("The payment"))
    with transaction.atomic():
        locked = FundingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status not in (
            FundingRequest.Status.APPROVED,
            FundingRequest.Status.PARTLY_APPROVED,
        ):
            raise OfficeError(_("Payments can only be recorded on approved requests."))
        paid = locked.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
        if paid + amount > locked.amount_approved:
            raise OfficeError(
                _("Payments would exceed the approved amount (%(left)s %(currency)s left).")
                % {"left": money(locked.amount_approved - paid), "currency": locked.currency}
            )
        return Payment.objects.create(
            request=locked,
            amount=amount,
            currency=locked.currency,
            paid_on=paid_on,
            reference=(reference or "").strip()[:100],
            recorded_by=by,
        )
