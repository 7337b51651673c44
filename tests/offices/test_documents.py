import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from offices.models import OfficeDocument
from offices.uploads import MAX_UPLOAD_BYTES

PDF = b"%PDF-1.4\n% statutes\n"


def _upload(client, office, name, content, kind="statutes"):
    return client.post(
        reverse("offices:board_document_upload", kwargs={"office_id": office.pk}),
        {"kind": kind, "title": "Satzung", "file": SimpleUploadedFile(name, content)},
    )


def test_a_pdf_is_stored_privately_and_served_to_the_board(client, alice, alice_board, office):
    client.force_login(alice)
    assert _upload(client, office, "Satzung 2026.pdf", PDF).status_code == 302
    document = OfficeDocument.objects.get()
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "Satzung" not in document.file.name  # stored under a random name
    response = client.get(
        reverse(
            "offices:board_document", kwargs={"office_id": office.pk, "document_id": document.pk}
        )
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("page.html", b"<script>alert(1)</script>"),
        ("fake.pdf", b"<html>not a pdf</html>"),
        ("fake.png", PDF),
        ("noext", PDF),
    ],
)
def test_wrong_types_are_refused_with_a_message(client, alice, alice_board, office, name, content):
    client.force_login(alice)
    response = _upload(client, office, name, content)
    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert not OfficeDocument.objects.exists()


def test_too_large_files_are_refused(client, alice, alice_board, office):
    client.force_login(alice)
    response = _upload(client, office, "big.pdf", PDF + b"0" * MAX_UPLOAD_BYTES)
    assert response.status_code == 200
    assert not OfficeDocument.objects.exists()


def test_bad_kind_is_refused(client, alice, alice_board, office):
    client.force_login(alice)
    assert _upload(client, office, "a.pdf", PDF, kind="secret").status_code == 200
    assert not OfficeDocument.objects.exists()


def test_supervisors_download_in_the_back_office_but_members_cannot(
    client, alice, alice_board, office, supervisor
):
    client.force_login(alice)
    _upload(client, office, "a.pdf", PDF)
    document = OfficeDocument.objects.get()
    url = reverse("admin:offices_officedocument_download", args=[document.pk])
    response = client.get(url)
    assert response.status_code == 302  # not staff: to the admin login
    client.force_login(supervisor)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_anonymous_cannot_download(client, alice, alice_board, office):
    client.force_login(alice)
    _upload(client, office, "a.pdf", PDF)
    client.logout()
    document = OfficeDocument.objects.get()
    response = client.get(
        reverse(
            "offices:board_document", kwargs={"office_id": office.pk, "document_id": document.pk}
        )
    )
    assert response.status_code == 302
    assert (
        client.get(reverse("admin:offices_officedocument_download", args=[document.pk])).status_code
        == 302
    )
