"""The back-office links private files (evidence, signature, certificate and mission PDFs)
through permission-checked views only: storage has no /media/ address that serves them."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from ambassadors.certificates.models import MissionStatementDocument
from ambassadors.certificates.services import certificate_award
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    course,
    signature_png,
    small_certificate_pdf,
    statement,
    turkish_graduate,
)
from tests.ambassadors.factories import EvidenceFactory
from tests.factories import staff_with_role
from weltstadt.accounts.roles import PROGRAMME_COORDINATOR, SUMMIT_ORGANISER

# Access is the subject here, not the PDF: a few bytes stand in for a rendered certificate.
pytestmark = pytest.mark.usefixtures("small_certificate_pdf")


def _staff(client, role: str, email: str):
    user = staff_with_role(role, email)
    client.force_login(user)
    return client


@pytest.fixture
def files(turkish_graduate, statement, staff_user, run_on_commit):  # noqa: F811
    """One private file of each kind the programme keeps, with its checked download URL."""
    with run_on_commit():
        certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    evidence = EvidenceFactory(ambassador=turkish_graduate)
    evidence.document.save("proof.pdf", ContentFile(b"%PDF-1.4 proof"), save=True)
    document = MissionStatementDocument(statement=statement, ambassador=turkish_graduate)
    document.file.save("mission.pdf", ContentFile(b"%PDF-1.4 mission"), save=True)
    admin = "/admin/ambassadors"
    return {
        # change page: (checked download URL, its content, the stored name)
        f"{admin}/certificate/{certificate.pk}/change/": (
            f"{admin}/certificate/{certificate.pk}/pdf/",
            b"%PDF-1.7 " + certificate.number.encode(),
            certificate.files.get().file.name,
        ),
        f"{admin}/evidence/{evidence.pk}/change/": (
            f"{admin}/evidence/{evidence.pk}/document/",
            b"%PDF-1.4 proof",
            evidence.document.name,
        ),
        f"{admin}/missionstatement/{statement.pk}/change/": (
            f"{admin}/missionstatement/{statement.pk}/signature/",
            signature_png(),
            statement.signature.name,
        ),
        f"{admin}/missionstatementdocument/{document.pk}/change/": (
            f"{admin}/missionstatementdocument/{document.pk}/pdf/",
            b"%PDF-1.4 mission",
            document.file.name,
        ),
    }


def test_admin_pages_link_private_files_through_checked_views(client, files):
    coordinator = _staff(client, PROGRAMME_COORDINATOR, "coord@example.org")
    for page, (download, content, stored) in files.items():
        html = coordinator.get(page).content.decode()
        assert settings.MEDIA_URL not in html, page
        assert f'{stored}"' not in html, page  # no href ends in the stored name
        assert f'href="{download}"' in html, page
        response = coordinator.get(download)
        assert response.status_code == 200, download
        assert b"".join(response.streaming_content) == content, download


def test_the_checked_views_refuse_other_roles_and_members(client, alice, files):
    downloads = [download for download, _content, _stored in files.values()]
    for url in downloads:
        assert client.get(url)["Location"].startswith("/admin/login/"), url  # anonymous
    client.force_login(alice)  # a member, not staff
    for url in downloads:
        assert client.get(url)["Location"].startswith("/admin/login/"), url
    other = _staff(client, SUMMIT_ORGANISER, "summit@example.org")
    for url in downloads:
        assert other.get(url).status_code == 403, url


def test_the_statement_still_saves_without_a_new_signature(client, files, statement):  # noqa: F811
    coordinator = _staff(client, PROGRAMME_COORDINATOR, "coord@example.org")
    page = f"/admin/ambassadors/missionstatement/{statement.pk}/change/"
    form = coordinator.get(page).context["adminform"].form
    values = {name: form[name].value() for name in form.fields if name != "signature"}
    data = {name: value for name, value in values.items() if value is not None}
    data.update(
        title_de="Leitbild 2026 (korrigiert)",
        goals_de="İzmir als Messestadt vorstellen.",
        signatory_title_de="Oberbürgermeister",
    )
    response = coordinator.post(page, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.title_de == "Leitbild 2026 (korrigiert)"
    assert statement.signature
