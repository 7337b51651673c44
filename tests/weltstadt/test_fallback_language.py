"""Text shown in a fallback language says which, in mails and PDFs as on pages."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from newsletter.editions import edition_render
from tests.ambassadors.factories import MissionStatementFactory
from tests.newsletter.factories import issue_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_editions():
    """Rendered editions are kept in the process per issue id, which a new test may reuse."""
    from newsletter import editions

    editions._memo.clear()
    yield
    editions._memo.clear()


def test_a_bulletin_mail_marks_german_text_in_a_turkish_edition():
    issue = issue_make(number=7, languages=["de"])  # nothing in Turkish yet: German shows
    html = edition_render(issue.pk, language="tr", version=1)["html"]
    assert '<h1 style="font-size:24px;margin:0 0 12px;color:#1f2a36;" lang="de">' in html
    assert html.count('lang="de"') >= 1 + 2 * 2  # the title, each article's title and text


def test_a_bulletin_mail_in_its_own_language_has_no_marks():
    issue = issue_make(number=8)
    html = edition_render(issue.pk, language="tr", version=1)["html"]
    assert 'lang="' not in html


def test_a_mission_statement_pdf_marks_its_german_parts_for_a_turkish_ambassador():
    with translation.override("de"):
        statement = MissionStatementFactory(title="Leitbild 2026", goals="Ein Ziel.")
    with translation.override("tr"):
        html = render_to_string(
            "pdf/ambassadors/mission_statement.html",
            {"statement": statement, "language": "tr", "personal_goals": []},
        )
    assert '<h1 lang="de">Leitbild 2026</h1>' in html
    assert '<ol lang="de">' in html
