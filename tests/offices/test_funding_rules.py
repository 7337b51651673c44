"""Issue 19, money and decisions: limits, corrections, suspended offices, what a decision grants,
payment dates, and the messages a board and a supervisor read."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from offices import services
from offices.forms import BudgetLineForm, PaymentForm
from offices.models import FundingRequest, Payment

YEAR = timezone.localdate().year
TODAY = timezone.localdate()


def _request(office, by, lines=(("Saal", "1000.00"), ("Druck", "250.00"))):
    return services.funding_request_submit(
        office=office, by=by, year=YEAR, purpose="İzmir-Tage", currency="EUR", lines=lines
    )


def _approve(request, supervisor, amount="1000.00"):
    return services.funding_request_decide(
        request=request, by=supervisor, decision="partly_approved", amount=amount, reason="Teil"
    )


# --- limits -------------------------------------------------------------------------------------


def test_a_huge_line_is_refused_and_nothing_is_stored(office, alice):
    with pytest.raises(ValidationError) as error:
        _request(office, alice, lines=[("Saal", "999999999999.99")])
    assert "at most" in error.value.messages[0]
    assert not FundingRequest.objects.exists()


def test_the_limits_per_line_and_per_request_come_from_the_settings(office, alice, settings):
    settings.OFFICES_MAX_LINE_AMOUNT = Decimal("500")
    settings.OFFICES_MAX_REQUEST_AMOUNT = Decimal("800")
    with pytest.raises(ValidationError):
        _request(office, alice, lines=[("Saal", "500.01")])
    with pytest.raises(ValidationError) as error:
        _request(office, alice, lines=[("Saal", "500.00"), ("Druck", "300.01")])
    assert "800.00" in error.value.messages[0]
    assert not FundingRequest.objects.exists()
    assert _request(office, alice, lines=[("Saal", "500.00"), ("Druck", "300.00")]).pk


def test_the_settings_have_sensible_defaults(settings):
    assert Decimal("1000") <= settings.OFFICES_MAX_LINE_AMOUNT < Decimal("999999999999")
    assert settings.OFFICES_MAX_LINE_AMOUNT <= settings.OFFICES_MAX_REQUEST_AMOUNT
    assert Decimal("999999999999") > settings.OFFICES_MAX_REQUEST_AMOUNT


def test_the_annual_report_amount_is_bounded_too(office, alice):
    with pytest.raises(ValidationError):
        services.annual_report_submit(
            office=office, by=alice, year=YEAR, amount_spent="999999999999.99", currency="EUR",
            activity_summary="x",
        )  # fmt: skip


# --- the board corrects or withdraws until the decision ----------------------------------------


def test_the_board_corrects_an_undecided_request(office, alice):
    request = _request(office, alice)
    services.funding_request_update(
        request=request, by=alice, year=YEAR, purpose="Neu", currency="EUR",
        lines=[("Saal", "12.50")],
    )  # fmt: skip
    request.refresh_from_db()
    assert request.amount_requested == Decimal("12.50")
    assert list(request.budget_lines.values_list("amount", flat=True)) == [Decimal("12.50")]
    assert request.history.count() == 2  # the previous version stays in the history


def test_the_board_withdraws_an_undecided_request_but_not_a_decided_one(office, alice, supervisor):
    request = _request(office, alice)
    services.funding_request_withdraw(request=request, by=alice)
    request.refresh_from_db()
    assert request.status == FundingRequest.Status.WITHDRAWN
    with pytest.raises(ValidationError):  # nothing left to decide
        _approve(request, supervisor)
    decided = _approve(_request(office, alice), supervisor)
    for action in (
        lambda: services.funding_request_withdraw(request=decided, by=alice),
        lambda: services.funding_request_update(
            request=decided,
            by=alice,
            year=YEAR,
            purpose="p",
            currency="EUR",
            lines=[("a", "1.00")],
        ),
    ):
        with pytest.raises(ValidationError):
            action()
    decided.refresh_from_db()
    assert decided.status == FundingRequest.Status.PARTLY_APPROVED
    assert decided.amount_requested == Decimal("1250.00")


def test_the_board_area_corrects_and_withdraws(client, alice, alice_board, office):
    request = _request(office, alice)
    client.force_login(alice)
    kwargs = {"office_id": office.pk, "request_id": request.pk}
    detail = client.get(reverse("offices:board_request", kwargs=kwargs)).content.decode()
    assert reverse("offices:board_request_edit", kwargs=kwargs) in detail
    edit = reverse("offices:board_request_edit", kwargs=kwargs)
    assert 'value="1000.00"' in client.get(edit).content.decode()  # en: the plain number
    response = client.post(
        edit,
        {
            "year": str(YEAR), "currency": "EUR", "purpose": "Neu",
            "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
            "lines-0-description": "Saal", "lines-0-amount": "1,250.50",
        },
    )  # fmt: skip
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.amount_requested == Decimal("1250.50")
    client.post(reverse("offices:board_request_withdraw", kwargs=kwargs))
    request.refresh_from_db()
    assert request.status == FundingRequest.Status.WITHDRAWN
    detail = client.get(reverse("offices:board_request", kwargs=kwargs)).content.decode()
    assert reverse("offices:board_request_edit", kwargs=kwargs) not in detail


# --- suspended offices are not funded ----------------------------------------------------------


@pytest.mark.parametrize("status", ["suspended", "closed", "planned"])
def test_no_approval_or_payment_for_an_office_that_is_not_active(office, alice, supervisor, status):
    request = _request(office, alice)
    paid = _approve(_request(office, alice), supervisor)
    office.status = status
    office.save()
    with pytest.raises(ValidationError) as error:
        _approve(request, supervisor)
    assert "cannot be funded" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.payment_record(request=paid, by=supervisor, amount="10.00", paid_on=TODAY)
    request.refresh_from_db()
    assert request.status == FundingRequest.Status.SUBMITTED
    assert not Payment.objects.exists()
    # a rejection costs nothing and stays possible
    services.funding_request_decide(
        request=request, by=supervisor, decision="rejected", reason="Büro ruht"
    )


def test_the_board_of_a_suspended_office_has_no_new_request_button(
    client, alice, alice_board, office
):
    client.force_login(alice)
    new = reverse("offices:board_request_new", kwargs={"office_id": office.pk})
    home = reverse("offices:board_office", kwargs={"office_id": office.pk})
    assert new in client.get(home).content.decode()
    office.status = "suspended"
    office.save()
    page = client.get(home).content.decode()
    assert new not in page
    assert 'id="no-funding-note"' in page
    assert client.get(new).status_code == 302
    assert client.post(new, {}).status_code == 302
    assert not FundingRequest.objects.exists()


# --- what a decision grants --------------------------------------------------------------------


def test_approval_in_full_with_another_amount_is_refused(office, alice, supervisor):
    request = _request(office, alice)  # 1,250.00
    with pytest.raises(ValidationError) as error:
        services.funding_request_decide(
            request=request, by=supervisor, decision="approved", amount="1000"
        )
    assert "1,250.00" in error.value.messages[0]
    request.refresh_from_db()
    assert request.status == FundingRequest.Status.SUBMITTED
    services.funding_request_decide(
        request=request, by=supervisor, decision="approved", amount="1250.00"
    )
    request.refresh_from_db()
    assert request.amount_approved == Decimal("1250.00")


def test_the_decide_page_does_not_open_after_the_decision(
    supervisor_client, office, alice, supervisor
):
    request = _approve(_request(office, alice), supervisor)
    response = supervisor_client.get(
        reverse("admin:offices_fundingrequest_decide", args=[request.pk])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:offices_fundingrequest_change", args=[request.pk])


def test_the_pay_page_of_an_undecided_request_does_not_open(supervisor_client, office, alice):
    request = _request(office, alice)
    url = reverse("admin:offices_fundingrequest_pay", args=[request.pk])
    response = supervisor_client.get(url)
    assert response.status_code == 302
    page = supervisor_client.get(response["Location"]).content.decode()
    assert "Approved: " not in page
    assert not Payment.objects.exists()


def test_a_payment_dated_in_the_future_is_refused(office, alice, supervisor):
    request = _approve(_request(office, alice), supervisor)
    with pytest.raises(ValidationError):
        services.payment_record(
            request=request, by=supervisor, amount="10.00",
            paid_on=TODAY + datetime.timedelta(days=1),
        )  # fmt: skip
    assert not Payment.objects.exists()
    services.payment_record(request=request, by=supervisor, amount="10.00", paid_on=TODAY)


# --- messages ----------------------------------------------------------------------------------


def test_a_negative_amount_says_what_is_wrong_not_that_something_is_missing():
    with translation.override("de"):
        form = BudgetLineForm({"description": "Saal", "amount": "-5"})
        assert not form.is_valid()
        assert not form.non_field_errors()  # not "give both a description and an amount"
        assert "0,01" in form.errors["amount"][0]
        assert "0.01" not in form.errors["amount"][0]


def test_a_description_without_amount_still_asks_for_both():
    form = BudgetLineForm({"description": "Saal", "amount": ""})
    assert not form.is_valid()
    assert form.non_field_errors()


@pytest.mark.parametrize(
    ("language", "typed", "understood"),
    [
        ("de", "12,50", Decimal("12.50")),
        ("de", "1.250,50", Decimal("1250.50")),
        ("tr", "12,50", Decimal("12.50")),
        ("tr", "1.250,50", Decimal("1250.50")),
        ("en", "1,250.50", Decimal("1250.50")),
    ],
)
def test_money_fields_read_the_readers_own_decimal_mark(language, typed, understood):
    with translation.override(language):
        line = BudgetLineForm({"description": "Saal", "amount": typed})
        payment = PaymentForm({"amount": typed, "paid_on": TODAY.isoformat()})
        assert line.is_valid(), line.errors
        assert payment.is_valid(), payment.errors
    assert line.cleaned_data["amount"] == payment.cleaned_data["amount"] == understood


@pytest.mark.parametrize(("language", "typed"), [("de", "12.50"), ("en", "12,50")])
def test_an_ambiguous_amount_is_refused_not_guessed(language, typed):
    with translation.override(language):
        form = BudgetLineForm({"description": "Saal", "amount": typed})
        assert not form.is_valid()
        assert form.errors["amount"]


def test_the_amount_fields_are_text_with_a_live_echo_not_number_inputs():
    with translation.override("de"):
        html = str(BudgetLineForm()["amount"])
    assert 'type="number"' not in html
    assert 'inputmode="decimal"' in html
    assert "number-echo" in html


def test_the_admin_decision_reads_german_amounts(supervisor_client, office, alice):
    request = _request(office, alice)
    url = reverse("admin:offices_fundingrequest_decide", args=[request.pk])
    with translation.override("de"):
        html = supervisor_client.get(url).content.decode()
    assert "number-echo.js" in html
    response = supervisor_client.post(
        url, {"decision": "partly_approved", "amount": "1.000,50", "reason": "Teil"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.amount_approved == Decimal("1000.50")


def test_the_review_page_does_not_open_for_a_report_already_reviewed(
    supervisor_client, office, alice, supervisor
):
    report = services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="10.00", currency="EUR",
        activity_summary="x",
    )  # fmt: skip
    services.annual_report_review(report=report, by=supervisor, accept=True)
    url = reverse("admin:offices_annualreport_review", args=[report.pk])
    response = supervisor_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:offices_annualreport_change", args=[report.pk])
