"""A visitor walks the public site in Chromium."""

import pytest

from weltstadt.partner_data import partner_data_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_switches_language_and_filters_partner_cities(browser_page):
    partner_data_import()
    page = browser_page
    page.goto("/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Partnerstädte", exact=True
    ).click()
    page.wait_for_url("**/de/partner-cities/")

    # the switcher keeps the page
    page.get_by_role("link", name="Türkçe", exact=True).click()
    page.wait_for_url("**/tr/partner-cities/")
    assert page.locator("html").get_attribute("lang") == "tr"

    # filters work as a plain form, and the map shows one marker per located partner
    page.select_option("#filter-country", "GR")
    page.get_by_role("button", name="Filtrele").click()
    page.wait_for_url("**/tr/partner-cities/?country=GR*")
    rows = page.locator("table.data-table tbody tr")
    assert rows.count() == 2
    assert page.locator("svg .map-marker").count() == 2
    assert "Mytilene" in page.locator("table.data-table").inner_text()


def test_keyboard_users_can_skip_to_the_content(browser_page):
    page = browser_page
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    skip.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_fit_phone_and_desktop_widths(browser_page, width):
    partner_data_import()
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["/de/", "/tr/partner-cities/", "/en/city-networks/", "/fr/about/"]:
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways at {width}px"


def test_on_a_phone_the_navigation_folds_into_a_menu_button(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/en/")
    nav = page.get_by_role("navigation", name="Main navigation")
    assert not nav.is_visible()
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    nav.get_by_role("link", name="City networks", exact=True).click()
    page.wait_for_url("**/en/city-networks/")
    # on a desktop the navigation is simply there, and the button is not
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.get_by_role("navigation", name="Main navigation").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
