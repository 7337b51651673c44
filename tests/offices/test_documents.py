import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from offices.models import ActivityReport, OfficeDocument
from offices.uploads import MAX_UPLOAD_BYTES
from tests.offices.factories import supervisor_user

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
    office.supervisors.add(supervisor)
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


@pytest.fixture
def private_files(office, alice, alice_board):
    """Every kind of private file an office has, with each URL that serves it."""
    from offices import services

    document = services.document_upload(
        office=office, by=alice, kind="statutes", title="Satzung",
        upload=SimpleUploadedFile("satzung.pdf", PDF),
    )  # fmt: skip
    report = services.annual_report_submit(
        office=office, by=alice, year=2026, amount_spent="5.00", currency="EUR",
        activity_summary="s", financial_report=SimpleUploadedFile("f.pdf", PDF),
    )  # fmt: skip
    activity = services.activity_report_submit(
        office=office, by=alice, title="Frühjahr", period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31), attachment=SimpleUploadedFile("programm.pdf", PDF),
    )  # fmt: skip
    o = office.pk
    board = [
        reverse("offices:board_document", kwargs={"office_id": o, "document_id": document.pk}),
        reverse(
            "offices:board_annual_report_file", kwargs={"office_id": o, "report_id": report.pk}
        ),
        reverse("offices:board_activity_file", kwargs={"office_id": o, "report_id": activity.pk}),
    ]
    back_office = [
        reverse("admin:offices_officedocument_download", args=[document.pk]),
        reverse("admin:offices_annualreport_file", args=[report.pk]),
        reverse("admin:offices_activityreport_file", args=[activity.pk]),
    ]
    return board, back_office


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_every_private_file_is_served_to_its_board_and_the_supervisors_only(
    client, alice, bob, bob_board, office, supervisor, private_files
):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory
    from weltstadt.accounts.roles import PROGRAMME_COORDINATOR

    board, back_office = private_files
    office.supervisors.add(supervisor)
    client.force_login(alice)
    for url in board:
        assert _body(client.get(url)) == PDF, url
    client.force_login(supervisor)
    for url in back_office:
        assert _body(client.get(url)) == PDF, url
    # a member of another office: 404 in the board area, the admin login in the back office
    client.force_login(bob)
    for url in board:
        assert client.get(url).status_code == 404, url
    for url in back_office:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"], url
    # staff of another programme: refused
    coordinator = UserFactory(email="coord@example.org", is_staff=True)
    coordinator.groups.add(Group.objects.get(name=PROGRAMME_COORDINATOR))
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator)
    for url in back_office:
        assert client.get(url).status_code == 403, url
    for url in board:
        assert client.get(url).status_code == 404, url
    # nobody logged in: a login page, never the file
    client.logout()
    for url in [*board, *back_office]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url
    # and none of the files is under the public media folder
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_back_office_files_are_for_the_offices_own_supervisors_only(
    client, office, other_office, supervisor, staff_user, private_files
):
    """The role shows every office; an office's papers only to its own supervisors."""
    _board, back_office = private_files
    office.supervisors.add(supervisor)
    stranger = supervisor_user("other-supervisor@example.org")  # same role, another office
    other_office.supervisors.add(stranger)
    document = OfficeDocument.objects.get()
    report = office.annual_reports.get()
    download = reverse("admin:offices_officedocument_download", args=[document.pk])
    report_file = reverse("admin:offices_annualreport_file", args=[report.pk])
    documents = reverse("admin:offices_officedocument_changelist")
    office_page = reverse("admin:offices_office_change", args=[office.pk])
    report_page = reverse("admin:offices_annualreport_change", args=[report.pk])

    client.force_login(supervisor)
    assert download.encode() in client.get(documents).content
    assert download.encode() in client.get(office_page).content
    assert report_file.encode() in client.get(report_page).content

    client.force_login(stranger)
    for url in back_office:
        assert client.get(url).status_code == 404, url
    change_url = reverse("admin:offices_officedocument_change", args=[document.pk])
    listed = client.get(documents).content
    assert download.encode() not in listed
    assert change_url.encode() not in listed
    assert b"satzung.pdf" not in listed
    change = client.get(change_url)
    assert change.status_code == 302  # "does not exist", like any object outside one's reach
    page = client.get(office_page)
    assert page.status_code == 200  # the office itself is the role's
    assert download.encode() not in page.content
    assert b"satzung.pdf" not in page.content
    page = client.get(report_page)
    assert page.status_code == 200  # so are the report's state and amounts
    assert report_file.encode() not in page.content
    with translation.override("de"):
        withheld = gettext("Only the supervisors of this office can open it.")
    assert withheld.encode() in page.content
    # nor can they file a document for an office they do not supervise
    response = client.post(
        reverse("admin:offices_officedocument_add"),
        {"office": office.pk, "kind": "minutes", "title": "Untergeschoben",
         "file": SimpleUploadedFile("x.pdf", PDF)},
    )  # fmt: skip
    assert response.status_code == 200
    assert not OfficeDocument.objects.filter(title="Untergeschoben").exists()

    client.force_login(staff_user)  # a superuser sees every office's papers
    for url in back_office:
        assert _body(client.get(url)) == PDF, url


def test_an_office_without_supervisors_is_flagged_and_its_files_are_closed_to_the_role(
    client, office, supervisor, private_files
):
    _board, back_office = private_files
    client.force_login(supervisor)
    for url in back_office:
        assert client.get(url).status_code == 404, url
    dashboard = client.get(reverse("admin:offices_dashboard"))
    flagged = dashboard.content.split(b'id="offices-without-supervisor"')[1].split(b"</table>")[0]
    assert office.name.encode() in flagged
    office.supervisors.add(supervisor)
    for url in back_office:
        assert _body(client.get(url)) == PDF, url
    dashboard = client.get(reverse("admin:offices_dashboard"))
    flagged = dashboard.content.split(b'id="offices-without-supervisor"')[1].split(b"</table>")[0]
    assert office.name.encode() not in flagged


def test_back_office_pages_link_private_files_through_the_checked_views_only(
    client, office, supervisor, private_files
):
    """Private files have no /media/ address that serves them: every link is a checked view."""
    _board, (download, report_file, _activity_file) = private_files
    office.supervisors.add(supervisor)
    document = OfficeDocument.objects.get()
    report = office.annual_reports.get()
    client.force_login(supervisor)
    pages = {
        reverse("admin:offices_officedocument_change", args=[document.pk]): download,
        reverse("admin:offices_officedocument_changelist"): download,
        reverse("admin:offices_office_change", args=[office.pk]): download,
        reverse("admin:offices_annualreport_change", args=[report.pk]): report_file,
        reverse("admin:offices_annualreport_history", args=[report.pk]): None,
        reverse(
            "admin:offices_annualreport_simple_history",
            args=[report.pk, report.history.latest().history_id],
        ): report_file,
    }
    for page, link in pages.items():
        html = client.get(page).content.decode()
        assert settings.MEDIA_URL not in html, page
        for stored in (document.file.name, report.financial_report.name):
            assert f'{stored}"' not in html, page  # no href ends in a stored name
        if link:
            assert f'href="{link}"' in html, page
    change = client.get(reverse("admin:offices_officedocument_change", args=[document.pk]))
    assert "satzung.pdf" in change.content.decode()  # the link reads as the uploaded file
    # the change page still saves without a new upload, keeping the file
    response = client.post(
        reverse("admin:offices_officedocument_change", args=[document.pk]),
        {"office": office.pk, "kind": "minutes", "title": "Satzung (neu)"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Satzung (neu)"
    assert _body(client.get(download)) == PDF


def test_an_activity_report_takes_an_attachment_with_the_same_checks(
    client, alice, alice_board, office
):
    client.force_login(alice)
    url = reverse("offices:board_activity_new", kwargs={"office_id": office.pk})
    data = {
        "title": "Frühjahr", "period_start": "2026-01-01", "period_end": "2026-03-31",
        "events_count": "3", "visitors": "2,300",
    }  # fmt: skip
    response = client.post(
        url, {**data, "attachment": SimpleUploadedFile("programm.pdf", b"MZ not a pdf")}
    )
    assert response.status_code == 200  # the content is no PDF: refused, nothing stored
    assert not ActivityReport.objects.exists()
    response = client.post(url, {**data, "attachment": SimpleUploadedFile("programm.pdf", PDF)})
    assert response.status_code == 302
    report = ActivityReport.objects.get()
    assert report.visitors == 2300
    assert report.attachment_name == "programm.pdf"
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))  # private, not public media
    file_url = reverse(
        "offices:board_activity_file", kwargs={"office_id": office.pk, "report_id": report.pk}
    )
    assert (
        file_url
        in client.get(
            reverse("offices:board_office", kwargs={"office_id": office.pk})
        ).content.decode()
    )
    assert _body(client.get(file_url)) == PDF


def test_the_kind_of_a_document_is_chosen_not_preselected(client, alice, alice_board, office):
    client.force_login(alice)
    url = reverse("offices:board_document_upload", kwargs={"office_id": office.pk})
    html = client.get(url).content.decode()
    assert 'value="statutes" selected' not in html
    assert '<option value="" selected>' in html
    response = client.post(
        url, {"title": "Protokoll", "file": SimpleUploadedFile("p.pdf", PDF), "kind": ""}
    )
    assert response.status_code == 200
    assert not OfficeDocument.objects.exists()
