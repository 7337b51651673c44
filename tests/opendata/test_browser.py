"""In a real browser: the JSON-LD block breaks no Content-Security-Policy rule (it is data, not
script), and the open-data page is reached from the footer and fits a phone."""

import json

import pytest

from tests.summits.factories import SessionFactory, SummitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSP_VIOLATIONS = """
window.__violations = [];
document.addEventListener(
  "securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective)
);
"""


def test_the_json_ld_of_a_summit_breaks_no_csp_rule(browser_page):
    summit = SummitFactory(slug="bremen", title="Gipfel </script><script>window.__ran = 1</script>")
    SessionFactory(summit=summit)
    browser_page.add_init_script(CSP_VIOLATIONS)
    messages = []
    browser_page.on("console", lambda message: messages.append(message.text))

    response = browser_page.goto("/de/summits/bremen/")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    text = browser_page.locator('script[type="application/ld+json"]').text_content()
    assert json.loads(text)["name"] == summit.title
    assert browser_page.evaluate("window.__ran") is None
    assert browser_page.evaluate("window.__violations") == []
    assert not [m for m in messages if "Content Security Policy" in m]


@pytest.mark.parametrize("language", ["de", "tr"])
def test_the_open_data_page_is_in_the_footer_and_fits_a_phone(browser_page, language):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    browser_page.goto(f"/{language}/")
    browser_page.locator(f'.site-footer a[href="/{language}/open-data/"]').click()
    browser_page.wait_for_url(f"**/{language}/open-data/")

    assert browser_page.locator("h1").text_content()
    assert browser_page.locator(".card-grid > li").count() == 9
    overflow = browser_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
