"""Money reads as the reader's language writes it: grouped, two decimals, with the currency."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from offices import services
from offices.templatetags.offices_format import money
from weltstadt.exports import read_csv_back

YEAR = timezone.localdate().year
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "4.520,60"),
        ("tr", "4.520,60"),
        ("en", "4,520.60"),
        ("it", "4.520,60"),
        ("fr", "4\u00a0520,60"),
        ("es", "4\u00a0520,60"),
    ],
)
def test_money_is_grouped_in_each_language(language, expected):
    with translation.override(language):
        assert money(Decimal("4520.6"), "EUR") == f"{expected}{NBSP}EUR"
        assert money("4520.60") == expected  # the text a mail context stores


def test_money_stays_exact_for_large_and_small_amounts():
    with translation.override("de"):
        assert money(Decimal("999999999999.99"), "TRY") == f"999.999.999.999,99{NBSP}TRY"
        assert money(Decimal("0.10") + Decimal("0.20")) == "0,30"
        assert money(None, "EUR") == ""


@pytest.fixture
def funded(office, alice, alice_board, supervisor, run_on_commit):
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="İzmir-Tage", currency="EUR",
        lines=[("Saalmiete", "1800.00"), ("Honorare", "2720.60")],
    )  # fmt: skip
    with run_on_commit():
        services.funding_request_decide(
            request=request, by=supervisor, decision="partly_approved", amount="4000.00",
            reason="Druck übernimmt die Stadt",
        )  # fmt: skip
    services.payment_record(request=request, by=supervisor, amount="2000.00", paid_on="2026-05-04")
    services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="3150.25", currency="EUR",
        activity_summary="x",
    )  # fmt: skip
    return request


def test_board_area_shows_grouped_amounts_with_the_currency(client, alice, office, funded):
    client.force_login(alice)
    with translation.override("de"):
        home = reverse("offices:board_office", kwargs={"office_id": office.pk})
        detail = reverse(
            "offices:board_request", kwargs={"office_id": office.pk, "request_id": funded.pk}
        )
    with translation.override("en"):
        home_en = reverse("offices:board_office", kwargs={"office_id": office.pk})
    page = client.get(home).content.decode()
    for amount in ["4.520,60", "4.000,00", "2.000,00", "3.150,25"]:
        assert f"{amount}{NBSP}EUR" in page, amount
    page = client.get(detail).content.decode()
    for amount in ["1.800,00", "2.720,60", "4.520,60", "4.000,00", "2.000,00"]:
        assert f"{amount}{NBSP}EUR" in page, amount
    english = client.get(home_en).content.decode()
    assert f"4,520.60{NBSP}EUR" in english
    assert "4520" not in page + english


def test_the_decision_mail_shows_grouped_amounts(alice, funded):
    decision = next(m for m in mail.outbox if m.to == [alice.email])  # alice reads German
    assert "4.000,00 von 4.520,60 EUR" in decision.body.replace(NBSP, " ")
    assert "4520" not in decision.body


def test_admin_pages_group_amounts_but_the_csv_stays_machine_readable(supervisor_client, funded):
    decide = supervisor_client.get(reverse("admin:offices_fundingrequest_pay", args=[funded.pk]))
    assert "4.000,00 EUR" in decide.content.decode()
    dashboard = supervisor_client.get(reverse("admin:offices_dashboard")).content.decode()
    assert '<td class="requested">4.520,60</td>' in dashboard
    export = supervisor_client.get(reverse("admin:offices_finance_csv"))
    rows = read_csv_back(export.content, "de")  # numbers as numbers: no grouping, decimal comma
    assert export.content.decode("utf-8-sig").splitlines()[1].split(";")[4:] == [
        "4520,6",
        "4000",
        "2000",
        "3150,25",
    ]
    assert rows[1][4:] == [Decimal("4520.60"), Decimal("4000"), Decimal("2000"), Decimal("3150.25")]
