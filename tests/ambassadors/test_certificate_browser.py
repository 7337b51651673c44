"""Acceptance 2: in Chromium, the verification address printed on a certificate (under its QR
code) shows a valid and a revoked title as such; an unknown code is a 404 that says so."""

import secrets
from urllib.parse import urlsplit

import pytest

from ambassadors.certificates.documents import verification_url
from ambassadors.certificates.services import certificate_award, certificate_revoke
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    TURKISH_NAME,
    course,
    graduate,
    statement,
    turkish_graduate,
)

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    """The page is under test here, not the PDF (see test_certificate_pdf)."""
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )


def _printed_path(certificate) -> str:
    """The path of the address the certificate prints, in its holder's language."""
    language = certificate.ambassador.user.preferred_language
    return urlsplit(verification_url(certificate, language=language)).path


def test_the_printed_address_shows_a_valid_and_a_revoked_certificate(
    browser_page,
    course,  # noqa: F811
    turkish_graduate,  # noqa: F811
    staff_user,
    transactional_db,
):
    german = graduate(course, name="Jonas Weiß", email="jonas@example.org", preferred_language="de")
    valid = certificate_award(ambassador=german, by=staff_user)
    revoked = certificate_award(ambassador=turkish_graduate, by=staff_user)
    certificate_revoke(certificate=revoked, reason="Forged evidence", by=staff_user)
    page = browser_page

    response = page.goto(_printed_path(valid))
    assert response.status == 200
    assert page.url.endswith(f"/de/verify/{valid.code}/")
    assert page.locator("#cert-state").inner_text().endswith("Gültige Urkunde")
    assert page.locator(".cert-result-valid .cert-holder").inner_text() == "Jonas Weiß"
    assert page.locator(".cert-number").inner_text() == valid.number
    # the certificate's own status; the credential section below shows the credential's
    assert page.locator(".cert-result-valid .cert-facts .badge-valid").is_visible()
    assert page.locator(".cert-credential .badge-valid").is_visible()
    assert page.locator(".cert-result-revoked").count() == 0
    assert page.locator(".badge-revoked").count() == 0

    response = page.goto(_printed_path(revoked))
    assert response.status == 200
    assert page.url.endswith(f"/tr/verify/{revoked.code}/")
    assert page.locator("#cert-state").inner_text().endswith("İptal edilmiş sertifika")
    assert page.locator(".cert-result-revoked .cert-holder").inner_text() == TURKISH_NAME
    assert page.locator(".cert-number").inner_text() == revoked.number
    assert page.locator(".cert-result-revoked .cert-facts .badge-revoked").is_visible()
    assert page.locator(".cert-credential .badge-revoked").is_visible()
    assert page.locator(".badge-valid").count() == 0
    assert "Forged evidence" not in page.content()  # the reason is internal
    # the valid one is still valid: a revocation touches only its own certificate
    page.goto(_printed_path(valid))
    assert page.locator(".cert-result-valid .cert-facts .badge-valid").is_visible()
    assert page.locator(".cert-credential .badge-valid").is_visible()


def test_an_unknown_code_is_a_404_with_a_clear_message_and_a_form(browser_page, transactional_db):
    page = browser_page
    response = page.goto(f"/en/verify/{secrets.token_urlsafe(12)}/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "No certificate with this code"
    assert "check the code letter by letter" in page.locator(".cert-result-unknown").inner_text()
    assert page.locator("form input[name=code]").is_visible()
