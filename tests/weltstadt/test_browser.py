"""Forms in Chromium: after a failed submit, focus lands on the error summary, and its links
take focus to the fields."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_empty_submit_focuses_the_summary_whose_links_focus_the_fields(browser_page):
    page = browser_page
    page.goto("/en/accounts/login/")
    # the server's answer is under test, not the browser's own check of required fields
    page.evaluate("document.querySelector('main form').noValidate = true")
    page.get_by_role("button", name="Log in").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert summary.evaluate("el => el === document.activeElement")
    links = summary.locator("a")
    assert links.count() >= 2
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href").lstrip("#")
        link.click()
        assert page.evaluate("document.activeElement.id") == target
    # by keyboard too: Tab from the summary reaches its first link, Enter focuses the field
    summary.focus()
    page.keyboard.press("Tab")
    first = links.nth(0)
    assert first.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == first.get_attribute("href").lstrip("#")
