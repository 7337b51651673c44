"""İzmir in capitals is İZMİR in every language: CSS text-transform upper-cases by the page's
language, and German, English or French rules turn its dotted i into I ("İZMIR")."""

import io
import re

import pytest
from pypdf import PdfReader

from ambassadors.certificates.documents import certificate_pdf, mission_statement_pdf
from ambassadors.certificates.services import certificate_award
from tests.ambassadors.certificate_fixtures import course, graduate, statement  # noqa: F401

LANGUAGES = ["de", "en", "fr", "it", "es", "tr"]


def _capitals(pdf: bytes) -> str:
    """The PDF's text without white space: letter-spaced capitals extract as "İ Z M İ R"."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_certificate_heading_spells_izmir_in_turkish_capitals(
    course,  # noqa: F811
    staff_user,
    language,
):
    holder = graduate(course, email=f"{language}@example.org", preferred_language=language)
    certificate = certificate_award(ambassador=holder, by=staff_user)
    text = _capitals(certificate_pdf(certificate))
    assert "İZMIR" not in text
    assert text.count("İZMİR") == 2, text  # the emblem and the issuer line


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_mission_statement_heading_spells_izmir_in_turkish_capitals(
    course,  # noqa: F811
    statement,  # noqa: F811
    language,
):
    holder = graduate(course, email=f"{language}@example.org", preferred_language=language)
    text = _capitals(mission_statement_pdf(statement, holder))
    assert "İZMIR" not in text
    assert text.count("İZMİR") == 2, text  # "The City of İzmir · İzmir Ambassadors"
