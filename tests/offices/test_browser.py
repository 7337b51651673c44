"""Acceptance 1 in a real browser: a board member submits a funding request and a report; the
supervisor approves in part and records a payment; the dashboard totals change accordingly."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from tests.offices.factories import BoardMemberFactory, OfficeFactory, supervisor_user

YEAR = timezone.localdate().year
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def _totals(page) -> dict[str, str]:
    page.goto("/admin/offices/office/dashboard/")
    row = page.locator(f'tr[data-year="{YEAR}"][data-currency="EUR"]')
    if row.count() == 0:
        return {}
    return {
        name: row.locator(f"td.{name}").inner_text().strip()
        for name in ("requested", "approved", "paid", "reported")
    }


@pytest.mark.browser
def test_request_report_partial_approval_payment_and_dashboard(
    transactional_db, browser_page, chromium, live_server, alice
):
    office = OfficeFactory(name="İzmir-Büro Bremen", slug="bremen")
    BoardMemberFactory(office=office, user=alice, name=alice.name, role="chair")
    supervisor = supervisor_user()
    office.supervisors.add(supervisor)

    # The supervisor's browser: staff with TOTP; the session is made as the test client would.
    client = Client()
    client.force_login(supervisor)
    staff_context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    staff_context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    staff = staff_context.new_page()
    assert _totals(staff) == {}
    assert staff.locator("#offices-by-status").is_visible()

    # The board member logs in with her password and submits a request with three lines.
    page = browser_page
    page.goto("/de/accounts/login/")
    page.fill('input[name="login"]', alice.email)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('main form button[type="submit"]').click()  # not the footer's bulletin form
    page.goto("/de/offices/board/")
    assert office.name in page.locator("h1").inner_text()
    page.click(f'a[href="/de/offices/board/{office.pk}/requests/new/"]')
    page.select_option('select[name="year"]', str(YEAR))
    page.select_option('select[name="currency"]', "EUR")
    page.fill('textarea[name="purpose"]', "İzmir-Tage: Ausstellung und Konzert")
    # typed as a German writes amounts (the fields read the reader's decimal comma)
    for i, (text, amount) in enumerate([("Saal", "0,10"), ("Druck", "0,20"), ("Honorare", "1000")]):
        page.fill(f'input[name="lines-{i}-description"]', text)
        page.fill(f'input[name="lines-{i}-amount"]', amount)
    page.locator("form.board-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/requests/\d+/$"))
    assert "1.000,30" in page.content()

    # ... and the annual report, with the financial report as a PDF.
    page.goto(f"/de/offices/board/{office.pk}/report/")
    page.select_option('select[name="year"]', str(YEAR))
    page.fill('input[name="amount_spent"]', "250,05")
    page.select_option('select[name="currency"]', "EUR")
    page.fill('textarea[name="activity_summary"]', "Sechs Veranstaltungen, 2.300 Gäste")
    page.set_input_files(
        'input[name="financial_report"]',
        files=[{"name": "finanzen.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"}],
    )
    page.locator("form.board-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/de/offices/board/{office.pk}/$"))
    assert "250,05" in page.content()

    assert _totals(staff) == {
        "requested": "1.000,30",
        "approved": "0,00",
        "paid": "0,00",
        "reported": "250,05",
    }

    # The supervisor opens the request from the dashboard, approves in part, records a payment.
    staff.click(f"text={office.name} >> nth=0")
    staff.click('a.button[href$="/decide/"]')
    staff.check('input[name="decision"][value="partly_approved"]')
    staff.fill('input[name="amount"]', "800,00")
    staff.fill('textarea[name="reason"]', "Honorare nur zum Teil")
    staff.click('input[type="submit"]')
    staff.wait_for_url(re.compile(r"/admin/offices/fundingrequest/\d+/change/$"))
    staff.click('a.button[href$="/pay/"]')
    staff.fill('input[name="amount"]', "300,10")
    staff.fill('input[name="reference"]', "ÖDEME-2026-1")
    staff.click('input[type="submit"]')
    staff.wait_for_url(re.compile(r"/admin/offices/fundingrequest/\d+/change/$"))

    assert _totals(staff) == {
        "requested": "1.000,30",
        "approved": "800,00",
        "paid": "300,10",
        "reported": "250,05",
    }
    # The board sees the decision and the payment.
    page.goto(f"/de/offices/board/{office.pk}/")
    html = page.content()
    assert "800,00" in html
    assert "300,10" in html
    staff_context.close()
