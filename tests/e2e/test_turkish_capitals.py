"""İzmir in the capitals of an eyebrow is İZMİR in every language, as Chromium draws it.

CSS text-transform follows the language of the text; the eyebrows mark their Turkish words
lang="tr", and `inner_text()` returns the text as transformed, capitals included."""

import pytest

from tests.offices.factories import OfficeFactory
from tests.summits.factories import SummitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["de", "en", "fr"])
def test_eyebrows_write_izmir_in_turkish_capitals(browser_page, language):
    SummitFactory(slug="izmir-2027", title="Deutschland–İzmir Partnerstädtegipfel")
    office = OfficeFactory(name="İzmir-Büro Bremen", slug="bremen")
    page = browser_page
    pages = {
        f"/{language}/summits/": True,  # "Germany–İzmir"
        f"/{language}/summits/izmir-2027/programme/": True,  # the summit's title
        f"/{language}/ambassadors/directory/": True,  # "İzmir Ambassadors"
        f"/{language}/offices/{office.slug}/": language == "de",  # "İzmir-Büros im Ausland"
    }
    for path, holds_izmir in pages.items():
        page.goto(path)
        eyebrow = page.locator(".eyebrow").first.inner_text()
        assert "İZMIR" not in eyebrow, (path, eyebrow)
        assert ("İZMİR" in eyebrow) == holds_izmir, (path, eyebrow)
