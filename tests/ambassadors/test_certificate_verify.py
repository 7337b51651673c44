"""The public verification page: valid, revoked, unknown, typed by hand, rate-limited."""

import pytest
from django.test import override_settings

from ambassadors.certificates.services import certificate_award, certificate_revoke
from tests.ambassadors.certificate_fixtures import course, number_today, statement, turkish_graduate  # noqa: F401


@pytest.fixture
def certificate(turkish_graduate, staff_user, monkeypatch):  # noqa: F811
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )
    return certificate_award(ambassador=turkish_graduate, by=staff_user)


def test_a_valid_certificate_shows_holder_title_number_and_date(client, certificate):
    response = client.get(f"/en/verify/{certificate.code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Valid certificate" in page
    assert "Çağrı Işıl Öztürk-Şengüler" in page
    assert number_today(1) in page
    assert "Ambassador of the City of İzmir" in page
    assert "İzmir Kent Elçisi" in page
    assert "cagri@example.org" not in page  # nothing more than the facts
    assert 'content="noindex"' in page
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_revocation_shows_at_once_with_its_date(client, certificate, staff_user):
    client.get(f"/en/verify/{certificate.code}/")
    certificate_revoke(certificate=certificate, reason="Misconduct", by=staff_user)
    page = client.get(f"/de/verify/{certificate.code}/").content.decode()
    assert "Revoked certificate" in page or "Widerrufen" in page or "revoked" in page.lower()
    assert "Misconduct" not in page  # the reason is internal


def test_an_unknown_code_is_a_404_with_a_clear_message(client, db):
    response = client.get("/en/verify/Xk3-no-such-code-9/")
    assert response.status_code == 404
    assert "No certificate with this code" in response.content.decode()


def test_the_form_takes_a_typed_code_or_a_pasted_link(client, certificate):
    response = client.get("/en/verify/", {"code": f"  {certificate.code} "})
    assert response.headers["Location"] == f"/en/verify/{certificate.code}/"
    link = f"https://weltstadt.example/tr/verify/{certificate.code}/"
    response = client.get("/en/verify/", {"code": link})
    assert response.headers["Location"] == f"/en/verify/{certificate.code}/"


@pytest.mark.parametrize("code", ["", "a b!", "<script>", "x" * 300])
def test_the_form_explains_bad_input(client, db, code):
    response = client.get("/en/verify/", {"code": code})
    assert response.status_code == 400
    assert "This is neither a certificate number nor a verification code" in (
        response.content.decode()
    )


def test_the_form_page_renders(client, db):
    response = client.get("/tr/verify/")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


@override_settings(AMBASSADORS_VERIFY_RATE_LIMIT=5)
def test_lookups_are_rate_limited_per_address(client, certificate):
    for n in range(5):
        assert client.get(f"/en/verify/guess-number-{n:04d}/").status_code == 404
    response = client.get(f"/en/verify/{certificate.code}/")
    assert response.status_code == 429
    assert "Too many checks" in response.content.decode()
    assert response["Retry-After"] == "60"
    other = client.get(f"/en/verify/{certificate.code}/", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200
