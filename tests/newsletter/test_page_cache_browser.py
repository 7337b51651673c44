import urllib.request

import pytest

from newsletter.models import Subscriber


@pytest.mark.browser
def test_the_footer_form_of_a_cached_page_subscribes_without_a_403(
    browser_page, live_server, transactional_db
):
    """The page comes from the page cache (rendered for another visitor, no token in it): the
    browser fetches its own CSRF token (static/js/csrf.js) and the subscription goes through."""
    for _ in range(2):
        with urllib.request.urlopen(live_server.url + "/de/summits/") as response:
            seen = response.headers["X-Page-Cache"]
    assert seen == "hit"
    page = browser_page
    response = page.goto("/de/summits/")
    assert response.headers["x-page-cache"] == "hit"
    assert not page.context.cookies()  # nothing set: no token in the page
    footer = page.locator("footer form.bulletin-subscribe")
    footer.locator("input[type=email]").fill("deniz@example.org")
    footer.locator("input[type=checkbox]").check()
    footer.locator("button[type=submit]").click()
    page.wait_for_url("**/de/bulletin/subscribe/done/")
    assert Subscriber.objects.get().email == "deniz@example.org"
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/pc/subscribed-de-phone.png")
