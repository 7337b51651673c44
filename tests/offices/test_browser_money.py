"""Issue 19 acceptance 2 and issue 21 in a real browser: German and Turkish boards type amounts
their way and the saved amounts are what they meant; a supervisor cannot pay a suspended office;
the board's tables fit a 390 px phone."""

import os
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from offices import services
from offices.models import FundingRequest, Payment
from tests.offices.factories import BoardMemberFactory, OfficeFactory, supervisor_user

YEAR = timezone.localdate().year


def _logged_in(chromium, live_server, user, *, locale="de-DE", **options):
    client = Client()
    client.force_login(user)
    context = chromium.new_context(base_url=live_server.url, locale=locale, **options)
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context, context.new_page()


@pytest.mark.browser
@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("tr", "tr-TR")])
def test_a_board_types_amounts_with_a_decimal_comma_and_grouping(
    transactional_db, chromium, live_server, alice, language, locale
):
    office = OfficeFactory(name="İzmir-Büro Bremen", slug="bremen")
    BoardMemberFactory(office=office, user=alice, name=alice.name, role="chair")
    context, page = _logged_in(chromium, live_server, alice, locale=locale)
    page.goto(f"/{language}/offices/board/{office.pk}/requests/new/")
    page.select_option('select[name="year"]', str(YEAR))
    page.select_option('select[name="currency"]', "EUR")
    page.fill('textarea[name="purpose"]', "İzmir-Tage")
    page.fill('input[name="lines-0-description"]', "Druck")
    page.fill('input[name="lines-0-amount"]', "12,50")
    page.fill('input[name="lines-1-description"]', "Saal")
    page.fill('input[name="lines-1-amount"]', "1.250,50")
    # the field says back what it understood before anything is submitted
    echo = page.locator('input[name="lines-1-amount"] + output.number-echo')
    page.wait_for_function("el => el.textContent.includes('1.250,50')", arg=echo.element_handle())
    assert page.locator('input[name="lines-1-amount"]').get_attribute("type") == "text"
    # ... and the form the total of the lines
    page.wait_for_function(
        "() => document.querySelector('#request-total').textContent.includes('1.263,00')"
    )
    if os.environ.get("OFFICES_SCREENSHOT_DIR"):
        page.screenshot(path=f"{os.environ['OFFICES_SCREENSHOT_DIR']}/request-{language}.png")
    page.locator("form.board-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/requests/\d+/$"))
    request = FundingRequest.objects.get()
    amounts = sorted(request.budget_lines.values_list("amount", flat=True))
    assert amounts == [Decimal("12.50"), Decimal("1250.50")]
    assert request.amount_requested == Decimal("1263.00")
    assert "1.263,00" in page.content()
    context.close()


@pytest.mark.browser
def test_a_supervisor_cannot_pay_a_suspended_office(transactional_db, chromium, live_server, alice):
    office = OfficeFactory(name="İzmir Tanıtım Ofisi Wien", slug="wien", country="AT")
    supervisor = supervisor_user()
    office.supervisors.add(supervisor)
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="Kültür haftası", currency="EUR",
        lines=[("Salon kirası", "950.00")],
    )  # fmt: skip
    services.funding_request_decide(request=request, by=supervisor, decision="approved")
    context, staff = _logged_in(chromium, live_server, supervisor)
    change = f"/admin/offices/fundingrequest/{request.pk}/change/"
    staff.goto(change)
    assert staff.locator('a.button[href$="/pay/"]').count() == 1
    # the city suspends the office; the supervisor tries to pay anyway
    staff.goto(f"/admin/offices/office/{office.pk}/status/")
    staff.check('input[name="to"][value="suspended"]')
    staff.fill('textarea[name="reason"]', "Yönetim kurulu istifa etti")
    staff.click('input[type="submit"]')
    staff.wait_for_url(re.compile(rf"/admin/offices/office/{office.pk}/change/$"))
    staff.goto(change)
    assert staff.locator('a.button[href$="/pay/"]').count() == 0
    staff.goto(f"/admin/offices/fundingrequest/{request.pk}/pay/")
    staff.wait_for_url(re.compile(rf"{change}$"))
    assert "Ausgesetzt" in staff.locator(".messagelist").inner_text()
    assert not Payment.objects.exists()
    context.close()


@pytest.mark.browser
def test_the_board_tables_fit_a_phone(transactional_db, chromium, live_server, alice, tmp_path):
    office = OfficeFactory(name="İzmir-Büro Frankfurt am Main", slug="frankfurt")
    BoardMemberFactory(office=office, user=alice, name=alice.name, role="chair")
    supervisor = supervisor_user()
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="p", currency="EUR",
        lines=[("Saal", "99999.99"), ("Druck", "88888.88")],
    )  # fmt: skip
    services.funding_request_decide(
        request=request, by=supervisor, decision="partly_approved", amount="123456.78",
        reason="Teil",
    )  # fmt: skip
    services.payment_record(
        request=request, by=supervisor, amount="100000.00", paid_on=timezone.localdate()
    )
    services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="98765.43", currency="EUR",
        activity_summary="x",
    )  # fmt: skip
    context, page = _logged_in(chromium, live_server, alice, viewport={"width": 390, "height": 844})
    page.goto(f"/de/offices/board/{office.pk}/")
    path = os.environ.get("OFFICES_SCREENSHOT_DIR", str(tmp_path)) + "/board-390.png"
    page.screenshot(path=path, full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for table in ("#funding-requests", "#annual-reports"):
        # no table scrolls sideways: every amount is inside the screen
        assert page.eval_on_selector(
            table,
            "t => t.closest('.table-wrap').scrollWidth <= t.closest('.table-wrap').clientWidth",
        ), table
        for cell in page.locator(f"{table} td.num").all():
            box = cell.bounding_box()
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= 390, (table, cell.inner_text())
    # each amount keeps its label when the row is stacked
    assert page.locator('#funding-requests td[data-label="Bewilligt"]').is_visible()
    assert "123.456,78" in page.locator("#funding-requests").inner_text()
    context.close()
