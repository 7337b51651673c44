"""The application form on the public programme page, as a visitor sends it from the page cache."""

import re
import urllib.request

import pytest

from ambassadors.models import Application
from tests.ambassadors.factories import CohortFactory


@pytest.mark.browser
def test_an_application_sent_with_enter_from_a_cached_page_goes_through(
    browser_page, live_server, transactional_db
):
    """The page was rendered for another visitor (its CSRF field is empty); pressing Enter in a
    field sends the form as clicking does: static/js/csrf.js fetches the token first, under the
    page's Content-Security-Policy, with nothing in the console."""
    CohortFactory(title="Kohorte 2026")
    for _ in range(2):
        with urllib.request.urlopen(live_server.url + "/de/ambassadors/") as response:
            seen = response.headers["X-Page-Cache"]
    assert seen == "hit"
    page = browser_page
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    response = page.goto("/de/ambassadors/")
    assert response.headers["x-page-cache"] == "hit"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("#apply input[name=csrfmiddlewaretoken]").input_value() == ""
    page.fill("#id_name", "Selin Demir")
    page.fill("#id_email", "selin@example.org")
    page.select_option("#id_country", "DE")
    page.fill("#id_city", "Hamburg")
    page.select_option("#id_field", "business")
    page.fill("#id_organisation", "Hanse Handel GmbH")
    page.fill("#id_languages", "Deutsch, Türkçe")
    page.fill("#id_connection", "Meine Familie kommt aus Buca.")
    page.fill("#id_motivation", "Ich möchte Hamburger Unternehmen nach İzmir bringen. " * 2)
    page.check("#id_consent")
    page.press("#id_city", "Enter")
    page.wait_for_url(re.compile(r".*/de/ambassadors/applied/(#.*)?$"))
    assert Application.objects.get().email == "selin@example.org"
    assert console == []
