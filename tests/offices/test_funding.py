import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from offices import selectors, services
from offices.models import AnnualReport, FundingRequest, Payment
from tests.offices.factories import OfficeFactory

YEAR = timezone.localdate().year


def _request(office, by, *, currency="EUR", amounts=("0.10", "0.20"), year=YEAR):
    return services.funding_request_submit(
        office=office,
        by=by,
        year=year,
        purpose="İzmir days",
        currency=currency,
        lines=[(f"line {i}", amount) for i, amount in enumerate(amounts)],
    )


def test_request_total_is_the_exact_sum_of_the_lines(office, alice):
    request = _request(office, alice)
    request.refresh_from_db()
    assert request.amount_requested == Decimal("0.30")
    assert isinstance(request.amount_requested, Decimal)
    assert request.status == FundingRequest.Status.SUBMITTED


@pytest.mark.parametrize(
    "amounts",
    [
        [("x", "-1")],
        [("x", "0")],
        [("x", "1.001")],
        [("x", "abc")],
        [("", "1")],
        [],
        [("x", "nan")],
    ],
)
def test_bad_lines_are_refused_and_nothing_is_stored(office, alice, amounts):
    with pytest.raises(ValidationError):
        services.funding_request_submit(
            office=office, by=alice, year=YEAR, purpose="p", currency="EUR", lines=amounts
        )
    assert not FundingRequest.objects.exists()


def test_unknown_currency_is_refused(office, alice):
    with pytest.raises(ValidationError):
        _request(office, alice, currency="XXX")


def test_totals_are_exact_to_the_cent_in_several_currencies(office, alice, supervisor):
    second = OfficeFactory(country="CH")
    for currency in ["EUR", "TRY", "CHF"]:
        for target in (office, second):
            request = _request(target, alice, currency=currency)
            services.funding_request_decide(
                request=request, by=supervisor, decision="partly_approved", amount="0.20",
                reason="part",
            )  # fmt: skip
            services.payment_record(
                request=request, by=supervisor, amount="0.10", paid_on=timezone.localdate()
            )
            services.payment_record(
                request=request, by=supervisor, amount="0.10", paid_on=timezone.localdate()
            )
    totals = selectors.funding_totals(by_office=False)
    for currency in ["EUR", "TRY", "CHF"]:
        t = totals[(YEAR, currency)]
        assert t.requested == Decimal("0.60")
        assert t.approved == Decimal("0.40")
        assert t.paid == Decimal("0.40")
        assert str(t.requested) == "0.60"
    by_office = selectors.funding_totals(by_office=True)
    assert by_office[(office.pk, YEAR, "TRY")].requested == Decimal("0.30")
    assert by_office[(second.pk, YEAR, "CHF")].paid == Decimal("0.20")
    # currencies never mix
    assert set(totals) == {(YEAR, "EUR"), (YEAR, "TRY"), (YEAR, "CHF")}


def test_many_small_amounts_add_up_exactly(office, alice, settings):
    settings.OFFICES_MAX_LINE_AMOUNT = settings.OFFICES_MAX_REQUEST_AMOUNT = Decimal("2000000")
    _request(office, alice, amounts=["0.10"] * 10 + ["0.20"] * 10 + ["1234567.89"])
    assert selectors.funding_totals(by_office=False)[(YEAR, "EUR")].requested == Decimal(
        "1234570.89"
    )


def test_approval_in_part_records_who_and_makes_the_report_due(office, alice, supervisor):
    request = _request(office, alice, amounts=["100.00", "50.50"])
    services.funding_request_decide(
        request=request, by=supervisor, decision="partly_approved", amount="120.00", reason="less"
    )
    request.refresh_from_db()
    assert request.status == FundingRequest.Status.PARTLY_APPROVED
    assert request.amount_approved == Decimal("120.00")
    assert request.decided_by == supervisor
    assert request.decided_at is not None
    report = AnnualReport.objects.get(office=office, year=YEAR)
    assert report.deadline == datetime.date(YEAR + 1, 3, 31)
    assert report.status == AnnualReport.Status.DUE


@pytest.mark.parametrize(
    ("decision", "amount", "reason"),
    [
        ("partly_approved", "150.50", "same as requested"),
        ("partly_approved", "200.00", "more"),
        ("partly_approved", "10.00", ""),
        ("rejected", None, ""),
        ("bogus", None, "x"),
    ],
)
def test_bad_decisions_are_refused(office, alice, supervisor, decision, amount, reason):
    request = _request(office, alice, amounts=["100.00", "50.50"])
    with pytest.raises(ValidationError):
        services.funding_request_decide(
            request=request, by=supervisor, decision=decision, amount=amount, reason=reason
        )
    request.refresh_from_db()
    assert request.status == FundingRequest.Status.SUBMITTED


def test_a_request_is_decided_once(office, alice, supervisor):
    request = _request(office, alice)
    services.funding_request_decide(request=request, by=supervisor, decision="approved")
    with pytest.raises(ValidationError):
        services.funding_request_decide(
            request=request, by=supervisor, decision="rejected", reason="changed my mind"
        )


def test_payments_never_exceed_the_approved_amount(office, alice, supervisor):
    request = _request(office, alice, amounts=["100.00"])
    with pytest.raises(ValidationError):
        services.payment_record(
            request=request, by=supervisor, amount="1.00", paid_on=timezone.localdate()
        )
    services.funding_request_decide(
        request=request, by=supervisor, decision="partly_approved", amount="60.00", reason="r"
    )
    services.payment_record(
        request=request, by=supervisor, amount="59.90", paid_on=timezone.localdate()
    )
    with pytest.raises(ValidationError):
        services.payment_record(
            request=request, by=supervisor, amount="0.11", paid_on=timezone.localdate()
        )
    payment = services.payment_record(
        request=request, by=supervisor, amount="0.10", paid_on=timezone.localdate()
    )
    assert payment.currency == "EUR"
    assert Payment.objects.count() == 2


def test_money_changes_are_in_the_audit_history(office, alice, supervisor):
    request = _request(office, alice)
    services.funding_request_decide(
        request=request, by=supervisor, decision="partly_approved", amount="0.20", reason="r"
    )
    services.payment_record(
        request=request, by=supervisor, amount="0.20", paid_on=timezone.localdate()
    )
    history = list(request.history.order_by("history_date"))
    assert [h.status for h in history] == ["submitted", "partly_approved"]
    assert history[-1].amount_approved == Decimal("0.20")
    assert Payment.history.count() == 1
    assert request.budget_lines.first().history.count() == 1


def test_annual_report_submit_review_and_resubmit(office, alice, supervisor):
    report = services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="0.30", currency="TRY",
        activity_summary="events",
    )  # fmt: skip
    assert report.status == AnnualReport.Status.SUBMITTED
    with pytest.raises(ValidationError):
        services.annual_report_submit(
            office=office, by=alice, year=YEAR, amount_spent="1", currency="TRY",
            activity_summary="again",
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.annual_report_review(report=report, by=supervisor, accept=False, note="")
    services.annual_report_review(report=report, by=supervisor, accept=False, note="receipts?")
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.SENT_BACK
    services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="0.40", currency="TRY",
        activity_summary="with receipts",
    )  # fmt: skip
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.SUBMITTED
    services.annual_report_review(report=report, by=supervisor, accept=True)
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.ACCEPTED
    assert selectors.funding_totals(by_office=False)[(YEAR, "TRY")].reported == Decimal("0.40")
    assert [h.status for h in report.history.order_by("history_date")][-1] == "accepted"
