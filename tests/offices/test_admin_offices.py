"""Issue 19 and 21 in the back-office: the dashboard one click from the admin index, with the
annual reports awaiting review; money in the reader's format in every list; search that folds
Turkish case and diacritics; country filters that list only the countries in use."""

import pytest
from django.urls import reverse
from django.utils import timezone

from offices import services
from tests.offices.factories import OfficeFactory

YEAR = timezone.localdate().year
NBSP = "\u00a0"


@pytest.fixture
def funded(office, alice, supervisor):
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="p", currency="EUR",
        lines=[("Saal", "1250.00")],
    )  # fmt: skip
    services.funding_request_decide(request=request, by=supervisor, decision="approved")
    services.payment_record(
        request=request, by=supervisor, amount="1000.00", paid_on=timezone.localdate()
    )
    services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="3150.25", currency="EUR",
        activity_summary="x",
    )  # fmt: skip
    return request


def test_the_admin_index_links_the_dashboard(supervisor_client):
    html = supervisor_client.get(reverse("admin:index")).content.decode()
    link = reverse("admin:offices_officesdashboard_changelist")
    assert link in html
    response = supervisor_client.get(link)
    assert response.status_code == 200
    assert 'id="offices-by-status"' in response.content.decode()  # the dashboard itself


def test_the_dashboard_entry_is_not_shown_to_staff_without_the_role(client, db):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from tests.factories import UserFactory

    other = UserFactory(email="other@example.org", is_staff=True)
    TOTP.activate(other, generate_totp_secret())
    client.force_login(other)
    link = reverse("admin:offices_officesdashboard_changelist")
    assert link not in client.get(reverse("admin:index")).content.decode()
    assert client.get(link).status_code == 403


def test_the_dashboard_lists_annual_reports_awaiting_review(supervisor_client, funded, office):
    html = supervisor_client.get(reverse("admin:offices_dashboard")).content.decode()
    section = html.split('id="offices-reports-to-review"')[1].split("</table>")[0]
    report = office.annual_reports.get()
    assert reverse("admin:offices_annualreport_review", args=[report.pk]) in section
    assert f"3.150,25{NBSP}EUR" in section


@pytest.mark.parametrize(
    ("model", "shown"),
    [
        ("fundingrequest", ["1.250,00"]),
        ("payment", ["1.000,00"]),
        ("annualreport", ["3.150,25"]),
    ],
)
def test_admin_lists_show_money_in_the_readers_format(supervisor_client, funded, model, shown):
    html = supervisor_client.get(reverse(f"admin:offices_{model}_changelist")).content.decode()
    for amount in shown:
        assert f"{amount}{NBSP}EUR" in html
    assert "1250.00" not in html
    assert "1000.00" not in html
    assert "3150.25" not in html


def test_the_request_page_shows_lines_and_payments_in_the_readers_format(supervisor_client, funded):
    html = supervisor_client.get(
        reverse("admin:offices_fundingrequest_change", args=[funded.pk])
    ).content.decode()
    assert f"1.250,00{NBSP}EUR" in html
    assert f"1.000,00{NBSP}EUR" in html
    assert "1250.00" not in html


@pytest.mark.parametrize("term", ["izmir", "IZMIR", "İzmir", "ızmır", "buro"])
def test_admin_search_folds_turkish_case_and_diacritics(supervisor_client, term):
    OfficeFactory(name="İzmir-Büro Bremen", slug="bremen")
    OfficeFactory(name="Bureau Lyon", slug="lyon", country="FR")
    response = supervisor_client.get(reverse("admin:offices_office_changelist"), {"q": term})
    names = [office.name for office in response.context["cl"].result_list]
    assert "İzmir-Büro Bremen" in names, term
    if term != "buro":
        assert "Bureau Lyon" not in names


def test_country_filters_list_only_countries_in_use(supervisor_client):
    OfficeFactory(country="AT")
    OfficeFactory(country="NL")
    for model in ["office", "fundingrequest", "boardmember", "annualreport"]:
        response = supervisor_client.get(reverse(f"admin:offices_{model}_changelist"))
        country_filter = next(
            spec
            for spec in response.context["cl"].filter_specs
            if getattr(spec, "parameter_name", "") in ("country", "office_country")
        )
        codes = {code for code, _name in country_filter.lookup_choices}
        assert codes == {"AT", "NL"}, model
