import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from offices import services
from offices.models import AnnualReport
from tests.offices.factories import ActivityReportFactory, BoardMemberFactory, OfficeFactory
from weltstadt.exports import read_csv_back

YEAR = timezone.localdate().year


def _office_with_money(alice, supervisor, *, currency="EUR"):
    office = OfficeFactory()
    BoardMemberFactory(office=office, role="chair")
    BoardMemberFactory(
        office=office, term_ends_on=timezone.localdate() + datetime.timedelta(days=10)
    )
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="p", currency=currency,
        lines=[("a", "0.10"), ("b", "0.20")],
    )  # fmt: skip
    services.funding_request_decide(
        request=request, by=supervisor, decision="partly_approved", amount="0.20", reason="r"
    )
    services.payment_record(
        request=request, by=supervisor, amount="0.10", paid_on=timezone.localdate()
    )
    AnnualReport.objects.create(
        office=office, year=YEAR - 1, deadline=timezone.localdate() - datetime.timedelta(days=3)
    )
    return office


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_dashboard_shows_totals_overdue_terms_and_missing_chairs(
    supervisor_client, alice, supervisor
):
    eur = _office_with_money(alice, supervisor)
    try_office = _office_with_money(alice, supervisor, currency="TRY")
    no_chair = OfficeFactory(name="Büro ohne Vorsitz")
    planned = OfficeFactory(name="Geplantes Büro", status="planned")  # no chair expected yet
    response = supervisor_client.get(reverse("admin:offices_dashboard"))
    board = response.context["board"]
    counts = {value: count for value, _label, count in board.status_counts}
    assert counts == {"planned": 1, "founding": 0, "active": 3, "suspended": 0, "closed": 0}
    assert {r.office for r in board.overdue_reports} == {eur, try_office}
    assert {m.office for m in board.terms_ending} == {eur, try_office}
    assert board.without_chair == [no_chair]
    assert planned not in board.without_chair
    assert board.totals[(YEAR, "TRY")].paid == Decimal("0.10")
    html = response.content.decode()
    assert f'data-year="{YEAR}" data-currency="EUR"' in html
    assert '<td class="requested">0,30</td>' in html
    assert '<td class="approved">0,20</td>' in html
    assert '<td class="paid">0,10</td>' in html
    assert no_chair.name in html
    for office in (eur, try_office, no_chair):
        assert reverse("admin:offices_office_change", args=[office.pk]) in html


def test_dashboard_and_csv_queries_do_not_grow_with_offices(supervisor_client, alice, supervisor):
    for _ in range(2):
        _office_with_money(alice, supervisor)
    dashboard = reverse("admin:offices_dashboard")
    export = reverse("admin:offices_finance_csv")
    few, few_csv = _queries(supervisor_client, dashboard), _queries(supervisor_client, export)
    for i in range(48):
        _office_with_money(alice, supervisor, currency=["EUR", "TRY", "CHF"][i % 3])
    assert _queries(supervisor_client, dashboard) == few
    assert _queries(supervisor_client, export) == few_csv


ADMIN_LISTS = [
    "office",
    "boardmember",
    "officedocument",
    "fundingrequest",
    "payment",
    "annualreport",
    "activityreport",
]


def _office_with_papers(alice, supervisor, *, currency="EUR"):
    office = _office_with_money(alice, supervisor, currency=currency)
    office.supervisors.add(supervisor)  # or its documents are not in the supervisor's list
    ActivityReportFactory(office=office)
    services.document_upload(
        office=office, by=alice, kind="minutes", title="Protokoll",
        upload=SimpleUploadedFile("p.pdf", b"%PDF-1.4\n"),
    )  # fmt: skip


def test_admin_lists_queries_do_not_grow_with_offices(supervisor_client, alice, supervisor):
    for _ in range(2):
        _office_with_papers(alice, supervisor)
    urls = [reverse(f"admin:offices_{name}_changelist") for name in ADMIN_LISTS]
    few = {url: _queries(supervisor_client, url) for url in urls}
    for i in range(48):
        _office_with_papers(alice, supervisor, currency=["EUR", "TRY", "CHF"][i % 3])
    assert {url: _queries(supervisor_client, url) for url in urls} == few


def test_csv_export_has_exact_totals_per_office_year_and_currency(
    supervisor_client, alice, supervisor
):
    office = _office_with_money(alice, supervisor, currency="CHF")
    services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="0.30", currency="CHF",
        activity_summary="x",
    )  # fmt: skip
    response = supervisor_client.get(reverse("admin:offices_finance_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv_back(response.content, "de")  # ";" and the decimal comma
    assert rows[0][:4] == ["Büro", "Land", "Jahr", "Währung"]
    assert len(rows[0]) == 8
    money = [Decimal("0.30"), Decimal("0.20"), Decimal("0.10"), Decimal("0.30")]
    assert [office.name, "DE", YEAR, "CHF", *money] in rows


@pytest.mark.parametrize("name", ["admin:offices_dashboard", "admin:offices_finance_csv"])
def test_the_dashboard_is_for_staff_with_the_role_only(client, alice, name):
    from tests.factories import UserFactory

    assert client.get(reverse(name)).status_code == 302
    client.force_login(alice)
    assert client.get(reverse(name)).status_code == 302
    staff_without_role = UserFactory(email="other-staff@example.org", is_staff=True)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(staff_without_role, generate_totp_secret())
    client.force_login(staff_without_role)
    assert client.get(reverse(name)).status_code == 403


def test_admin_pages_of_the_role_answer(supervisor_client, alice, supervisor):
    office = _office_with_money(alice, supervisor)
    request = office.funding_requests.get()
    report = services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="1.00", currency="EUR",
        activity_summary="x",
    )  # fmt: skip
    for url in [
        reverse("admin:offices_office_changelist"),
        reverse("admin:offices_office_change", args=[office.pk]),
        reverse("admin:offices_office_history", args=[office.pk]),
        reverse("admin:offices_fundingrequest_changelist"),
        reverse("admin:offices_fundingrequest_change", args=[request.pk]),
        reverse("admin:offices_fundingrequest_pay", args=[request.pk]),
        reverse("admin:offices_payment_changelist"),
        reverse("admin:offices_annualreport_changelist"),
        reverse("admin:offices_annualreport_change", args=[report.pk]),
        reverse("admin:offices_annualreport_review", args=[report.pk]),
        reverse("admin:offices_boardmember_changelist"),
        reverse("admin:offices_officedocument_changelist"),
        reverse("admin:offices_activityreport_changelist"),
    ]:
        assert supervisor_client.get(url).status_code == 200, url


def test_admin_decide_pay_and_review_go_through_the_services(supervisor_client, alice, supervisor):
    office = OfficeFactory()
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="p", currency="EUR", lines=[("a", "100.00")]
    )
    decide = reverse("admin:offices_fundingrequest_decide", args=[request.pk])
    response = supervisor_client.post(decide, {"decision": "partly_approved", "amount": "150"})
    assert response.status_code == 200  # more than requested, no reason: refused
    response = supervisor_client.post(
        decide, {"decision": "partly_approved", "amount": "80,00", "reason": "Druck entfällt"}
    )
    assert response.status_code == 302
    pay = reverse("admin:offices_fundingrequest_pay", args=[request.pk])
    assert (
        supervisor_client.post(pay, {"amount": "80,01", "paid_on": "2026-05-01"}).status_code == 200
    )
    response = supervisor_client.post(pay, {"amount": "50,00", "paid_on": "2026-05-01"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.amount_approved == Decimal("80.00")
    assert request.payments.get().recorded_by == supervisor
    report = services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="50.00", currency="EUR",
        activity_summary="x",
    )  # fmt: skip
    review = reverse("admin:offices_annualreport_review", args=[report.pk])
    assert supervisor_client.post(review, {"accept": "send_back", "note": ""}).status_code == 200
    assert supervisor_client.post(review, {"accept": "accept"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted"
