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
from offices.services.notify import board_users, supervisor_users
from offices.templatetags.offices_format import money
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue_for_user

MAX_AMOUNT = Decimal("999999999999.99")  # what the database column holds
FUNDABLE = (Office.Status.FOUNDING, Office.Status.ACTIVE)


def max_line_amount() -> Decimal:
    return Decimal(str(getattr(settings, "OFFICES_MAX_LINE_AMOUNT", "100000")))


def max_request_amount() -> Decimal:
    return Decimal(str(getattr(settings, "OFFICES_MAX_REQUEST_AMOUNT", "500000")))


def _amount(value, *, label: str, limit: Decimal | None = None) -> Decimal:
    """A positive amount with at most two decimals, as a Decimal (never through float), at most
    `limit` (the configured per-line limit unless given)."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise OfficeError(_("%(label)s is not an amount.") % {"label": label}) from None
    if not amount.is_finite() or amount < CENT:
        raise OfficeError(_("%(label)s must be a positive amount.") % {"label": label})
    if amount != amount.quantize(CENT):
        raise OfficeError(_("%(label)s may have at most two decimals.") % {"label": label})
    limit = min(limit if limit is not None else max_line_amount(), MAX_AMOUNT)
    if amount > limit:
        raise OfficeError(
            _("%(label)s may be at most %(limit)s.") % {"label": label, "limit": money(limit)}
        )
    return amount.quantize(CENT)


def _clean_lines(lines: Iterable[tuple[str, Decimal | str]]) -> list[tuple[str, Decimal]]:
    clean = []
    for description, amount in lines:
        description = (description or "").strip()
        if not description:
            raise OfficeError(_("Every budget line needs a description."))
        clean.append((description[:200], _amount(amount, label=description)))
    if not clean:
        raise OfficeError(_("Add at least one budget line."))
    total = sum((amount for _d, amount in clean), Decimal("0.00"))
    if total > max_request_amount():
        raise OfficeError(
            _("A request may ask for at most %(limit)s in all; this one asks for %(total)s.")
            % {"limit": money(max_request_amount()), "total": money(total)}
        )
    return clean


def _check_fundable(office: Office) -> None:
    """Money goes only to offices being founded or active, never to suspended or closed ones."""
    if office.status not in FUNDABLE:
        raise OfficeError(
            _("The office is “%(status)s”: it cannot be funded until it is active again.")
            % {"status": Office.Status(office.status).label}
        )


def _request_context(request: FundingRequest) -> dict:
    return {
        "office": request.office.name,
        "office_id": request.office_id,
        "request_id": request.pk,
        "year": request.year,
        "status": request.status,
        "requested": str(request.amount_requested),
        "approved": str(request.amount_approved) if request.amount_approved is not None else "",
        "currency": request.currency,
    }


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
    if office.status not in FUNDABLE:
        raise OfficeError(_("Only offices being founded or active can request funding."))
    year, purpose = _check_year_and_purpose(year, purpose)
    clean = _clean_lines(lines)
    with transaction.atomic():
        request = FundingRequest.objects.create(
            office=office,
            year=year,
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
        for user in supervisor_users(office):
            mail_enqueue_for_user(
                user,
                key=f"offices:funding-submitted:{request.pk}:{user.pk}",
                template="offices/funding_submitted",
                context={**_request_context(request), "purpose": purpose},
            )
    return request


def _check_year_and_purpose(year, purpose) -> tuple[int, str]:
    this_year = timezone.localdate().year
    if not (this_year - 1 <= int(year) <= this_year + 2):
        raise OfficeError(_("Funding can be requested for last year up to two years ahead."))
    purpose = (purpose or "").strip()
    if not purpose:
        raise OfficeError(_("Describe the purpose of the request."))
    return int(year), purpose


def funding_request_update(
    *,
    request: FundingRequest,
    by: User,
    year: int,
    purpose: str,
    currency: str,
    lines: Iterable[tuple[str, Decimal | str]],
) -> FundingRequest:
    """Correct a request the supervisor has not decided yet: its lines replace the old ones.

    Guarantees: only a submitted request is changed (row locked, so a decision and a correction
    cannot cross); the same checks as a new request; the history keeps the previous version.
    """
    if currency not in Currency.values:
        raise OfficeError(_("Choose a currency from the list."))
    year, purpose = _check_year_and_purpose(year, purpose)
    clean = _clean_lines(lines)
    with transaction.atomic():
        locked = (
            FundingRequest.objects.select_for_update().select_related("office").get(pk=request.pk)
        )
        if locked.status != FundingRequest.Status.SUBMITTED:
            raise OfficeError(_("This request has been decided or withdrawn: it cannot change."))
        locked.year, locked.purpose, locked.currency = year, purpose, currency
        locked.amount_requested = sum((amount for _d, amount in clean), Decimal("0.00"))
        locked._change_reason = "corrected"
        locked.save(update_fields=["year", "purpose", "currency", "amount_requested"])
        for line in locked.budget_lines.all():
            line.delete()
        bulk_create_with_history(
            [BudgetLine(request=locked, description=d, amount=a) for d, a in clean],
            BudgetLine,
            default_user=by,
        )
    return locked


def funding_request_withdraw(*, request: FundingRequest, by: User) -> FundingRequest:
    """The board takes back a request that has not been decided; it stays in the history."""
    with transaction.atomic():
        locked = FundingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != FundingRequest.Status.SUBMITTED:
            raise OfficeError(_("This request has been decided or withdrawn: it cannot change."))
        locked.status = FundingRequest.Status.WITHDRAWN
        locked._change_reason = "withdrawn"
        locked.save(update_fields=["status"])
    return locked


def funding_request_decide(
    *,
    request: FundingRequest,
    by: User,
    decision: str,
    amount: Decimal | str | None = None,
    reason: str = "",
) -> FundingRequest:
    """Approve a submitted request in full or in part, or reject it with a reason.

    Guarantees: only a submitted request of an office that can be funded is decided (row locked,
    so two supervisors cannot both decide); an approval in full grants exactly the requested
    amount; a partial approval is above zero and below the requested amount and needs a reason;
    a rejection needs a reason; an approval makes the year's annual report due; the board is
    mailed once.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = FundingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != FundingRequest.Status.SUBMITTED:
            raise OfficeError(_("This request has already been decided."))
        if decision != FundingRequest.Status.REJECTED:  # a refusal costs nothing
            _check_fundable(Office.objects.get(pk=locked.office_id))
        if decision == FundingRequest.Status.APPROVED:
            approved = locked.amount_requested
            if (
                amount not in (None, "")
                and _amount(amount, label=_("The approved amount"), limit=MAX_AMOUNT) != approved
            ):
                raise OfficeError(
                    _(
                        "An approval in full grants the requested %(requested)s %(currency)s; "
                        "for another amount choose an approval in part."
                    )
                    % {"requested": money(approved), "currency": locked.currency}
                )
        elif decision == FundingRequest.Status.PARTLY_APPROVED:
            approved = _amount(amount, label=_("The approved amount"), limit=MAX_AMOUNT)
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
                context={**_request_context(locked), "reason": reason},
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

    Guarantees: the request is approved (in full or in part), the office can be funded (not
    suspended or closed) and the date is not in the future; payments never add up to more than
    the approved amount (checked under a lock on the request); the currency is the request's.
    """
    amount = _amount(amount, label=_("The payment"), limit=MAX_AMOUNT)
    if isinstance(paid_on, str):
        paid_on = datetime.date.fromisoformat(paid_on)
    if paid_on > timezone.localdate():
        raise OfficeError(
            _("A payment is recorded once it has been made: the date cannot be in the future.")
        )
    with transaction.atomic():
        locked = FundingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status not in (
            FundingRequest.Status.APPROVED,
            FundingRequest.Status.PARTLY_APPROVED,
        ):
            raise OfficeError(_("Payments can only be recorded on approved requests."))
        _check_fundable(Office.objects.get(pk=locked.office_id))
        paid = locked.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
        if paid + amount > locked.amount_approved:
            raise OfficeError(
                _("Payments would exceed the approved amount (%(left)s %(currency)s left).")
                % {"left": money(locked.amount_approved - paid), "currency": locked.currency}
            )
        payment = Payment.objects.create(
            request=locked,
            amount=amount,
            currency=locked.currency,
            paid_on=paid_on,
            reference=(reference or "").strip()[:100],
            recorded_by=by,
        )
        for user in board_users(locked.office):
            mail_enqueue_for_user(
                user,
                key=f"offices:payment:{payment.pk}:{user.pk}",
                template="offices/payment",
                context={
                    **_request_context(locked),
                    "amount": str(payment.amount),
                    "paid_on": payment.paid_on.isoformat(),
                    "reference": payment.reference,
                },
            )
    return payment
