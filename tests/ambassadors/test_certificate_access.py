"""Acceptance 4: the certificate PDF is for its holder and coordinator staff only."""

import pytest

from ambassadors.certificates.services import certificate_award
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    course,
    graduate,
    number_today,
    small_certificate_pdf,
    statement,
    turkish_graduate,
)
from tests.factories import staff_with_role
from weltstadt.accounts.roles import BULLETIN_EDITOR, PROGRAMME_COORDINATOR

# Access is the subject here, not the PDF: a few bytes stand in for a rendered certificate.
pytestmark = pytest.mark.usefixtures("small_certificate_pdf")


@pytest.fixture
def certificate(turkish_graduate, staff_user, run_on_commit):  # noqa: F811
    with run_on_commit():
        return certificate_award(ambassador=turkish_graduate, by=staff_user)


def _staff(role: str):
    return staff_with_role(role)


def _member_url(certificate):
    return f"/de/ambassadors/member/certificates/{certificate.pk}/pdf/"


def _admin_url(certificate):
    return f"/admin/ambassadors/certificate/{certificate.pk}/pdf/"


def test_the_holder_downloads_their_certificate(client, certificate, turkish_graduate):  # noqa: F811
    client.force_login(turkish_graduate.user)
    response = client.get(_member_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 " + number_today(1).encode()
    assert f"{number_today(1)}.pdf" in response["Content-Disposition"]


def test_another_ambassador_gets_404(client, certificate, course):  # noqa: F811
    other = graduate(course)
    client.force_login(other.user)
    assert client.get(_member_url(certificate)).status_code == 404


def test_a_member_who_is_no_ambassador_gets_404(client, certificate, charlie):
    client.force_login(charlie)
    assert client.get(_member_url(certificate)).status_code == 404
    assert client.get("/de/ambassadors/member/documents/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_login(client, certificate):
    for url in (
        _member_url(certificate),
        "/de/ambassadors/member/documents/",
        "/de/ambassadors/member/mission/2026/pdf/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert client.get(_admin_url(certificate)).status_code == 302  # admin login


def test_staff_of_another_programme_gets_403(client, certificate):
    client.force_login(_staff(BULLETIN_EDITOR))
    assert client.get(_admin_url(certificate)).status_code == 403
    assert client.get("/admin/ambassadors/certificate/award/").status_code == 403
    assert client.get(_member_url(certificate)).status_code == 404


def test_the_coordinator_downloads_any_certificate(client, certificate):
    client.force_login(_staff(PROGRAMME_COORDINATOR))
    response = client.get(_admin_url(certificate))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 " + number_today(1).encode()


def test_the_holder_sees_number_status_and_link_in_the_member_area(
    client,
    certificate,
    turkish_graduate,  # noqa: F811
):
    client.force_login(turkish_graduate.user)
    page = client.get("/tr/ambassadors/member/documents/").content.decode()
    assert number_today(1) in page
    assert f"/tr/verify/{certificate.code}/" in page
    assert _member_url(certificate).replace("/de/", "/tr/") in page
