"""Issue 19: a revocation means the same everywhere. One service decides what it changes; the
member area, the admin, the directory, the verification page and a mission-statement PDF made
afterwards all ask the same question; the holder is mailed the reason in their language; a
revocation made in error can be undone, recorded with who, when and why."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from ambassadors.certificates import documents
from ambassadors.certificates.models import Certificate, MissionStatementDocument
from ambassadors.certificates.services import (
    certificate_award,
    certificate_reinstate,
    certificate_revoke,
    mission_document_render,
)
from ambassadors.certificates.standing import holds_title
from ambassadors.models import Ambassador
from ambassadors.services import ProgrammeError
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    TURKISH_NAME,
    course,
    graduate,
    statement,
    turkish_graduate,
)
from weltstadt.models import OutgoingMail

ACTION = "_selected_action"


@pytest.fixture(autouse=True)
def _pdfs_as_html(monkeypatch):
    """The words of the documents are under test here, not the PDF engine: the certificate is a
    few bytes and the mission statement its HTML (rendered in the holder's language)."""
    monkeypatch.setattr(documents, "certificate_pdf", lambda certificate: b"%PDF-1.7 test")

    def html(template, context, *, language, **kwargs):
        with translation.override(language):
            return render_to_string(template, context).encode()

    monkeypatch.setattr(documents, "pdf_render", html)


@pytest.fixture
def holder(course, staff_user, run_on_commit):  # noqa: F811
    """A German holder who opted in to the directory, with a published mission statement."""
    ambassador = graduate(
        course, name="Jana Krüger", email="jana@example.org", preferred_language="de"
    )
    ambassador.public_profile = True
    ambassador.form_of_address = Ambassador.FormOfAddress.FEMALE
    ambassador.save()
    with run_on_commit():
        certificate_award(ambassador=ambassador, by=staff_user)
    course.refresh_from_db()
    return Ambassador.objects.get(pk=ambassador.pk)


@pytest.fixture
def published(statement):  # noqa: F811
    statement.status = "published"
    statement.save()
    return statement


def _mission_html(ambassador, mission) -> str:
    document = mission_document_render(statement_id=mission.pk, ambassador_id=ambassador.pk)
    with document.file.open("rb") as handle:
        return handle.read().decode()


def test_after_a_revocation_every_place_says_so(
    staff_client, holder, published, staff_user, run_on_commit
):
    before = _mission_html(holder, published)
    assert '<p class="for">für Jana Krüger, Botschafterin der Stadt İzmir</p>' in before
    client = Client()
    client.force_login(holder.user)
    assert "Jana Krüger" in client.get("/de/ambassadors/directory/").content.decode()

    with run_on_commit():
        certificate_revoke(
            certificate=holder.certificate, reason="Gefälschte Nachweise", by=staff_user
        )

    holder.refresh_from_db()
    assert holder.status == Ambassador.Status.REVOKED
    assert not holds_title(holder)
    # member area: neither "Ambassador" nor "medal awarded"
    home = client.get("/de/member/").content.decode()
    assert "Titel aberkannt" in home
    progress = client.get("/de/ambassadors/member/").content.decode()
    assert "Titel aberkannt" in progress
    assert ">Botschafter/in<" not in progress
    documents_page = client.get("/de/ambassadors/member/documents/").content.decode()
    assert "Verliehen; die Übergabe wird noch bekannt gegeben." not in documents_page
    assert "Ihr Titel wurde am" in documents_page
    # the public directory does not list them, although they opted in
    assert "Jana Krüger" not in client.get("/de/ambassadors/directory/").content.decode()
    profile = client.get("/de/ambassadors/member/profile/").content.decode()
    assert "nicht im öffentlichen Verzeichnis" in profile
    # the admin shows the status
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    changelist = staff_client.get("/admin/ambassadors/ambassador/").content.decode()
    assert "Title revoked" in changelist
    # a mission statement PDF made afterwards does not call them ambassador
    assert not MissionStatementDocument.objects.filter(ambassador=holder).exists()
    after = _mission_html(holder, published)
    assert '<p class="for">für Jana Krüger</p>' in after
    # the verification page
    verification = client.get(f"/de/verify/{holder.certificate.code}/").content.decode()
    assert "Widerrufene Urkunde" in verification


def test_the_holder_is_mailed_the_reason_in_their_language(
    turkish_graduate,  # noqa: F811
    staff_user,
    run_on_commit,
):
    with run_on_commit():
        certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    mail.outbox.clear()
    with translation.override("en"), run_on_commit():  # staff work in English
        certificate_revoke(certificate=certificate, reason="Sahte belge sundu.", by=staff_user)
    [message] = mail.outbox
    assert message.to == ["cagri@example.org"]
    assert "Sahte belge sundu." in message.body
    with translation.override("tr"):
        assert translation.gettext("The reason:") in message.body
        assert translation.gettext("The reason:") != "The reason:"
    row = OutgoingMail.objects.get(template="ambassadors/certificate_revoked")
    assert row.language == "tr"


def test_a_revocation_in_error_is_reinstated_and_recorded(
    client, holder, staff_user, run_on_commit
):
    with run_on_commit():
        certificate_revoke(certificate=holder.certificate, reason="Verwechslung", by=staff_user)
    with pytest.raises(ProgrammeError):
        certificate_reinstate(certificate=holder.certificate, reason="  ", by=staff_user)
    mail.outbox.clear()
    with run_on_commit():
        certificate = certificate_reinstate(
            certificate=holder.certificate, reason="Falsche Person gesperrt.", by=staff_user
        )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert certificate.reinstated_by == staff_user
    assert certificate.reinstated_at is not None
    assert certificate.reinstatement_reason == "Falsche Person gesperrt."
    # the audit history keeps both steps
    assert [h.status for h in certificate.history.order_by("history_id")][-2:] == [
        "revoked",
        "valid",
    ]
    holder.refresh_from_db()
    assert holder.status == Ambassador.Status.ACTIVE
    assert holds_title(holder)
    [message] = mail.outbox
    assert "Falsche Person gesperrt." in message.body
    client.force_login(holder.user)
    assert "Jana Krüger" in client.get("/de/ambassadors/directory/").content.decode()
    with pytest.raises(ProgrammeError):  # a valid certificate is not reinstated
        certificate_reinstate(certificate=certificate, reason="again", by=staff_user)


def test_revoke_and_reinstate_in_the_admin_say_what_happened_to_whom(
    staff_client, holder, run_on_commit
):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = "/admin/ambassadors/certificate/"
    pk = holder.certificate.pk
    with run_on_commit():
        response = staff_client.post(
            url,
            {"action": "revoke", ACTION: [pk], "apply": "1", "reason": "Forged evidence"},
            follow=True,
        )
    page = response.content.decode()
    assert "record changed" not in page
    assert "Title revoked and the holder informed by mail: IZB-2026-0001 Jana Krüger." in page
    with run_on_commit():
        response = staff_client.post(
            url,
            {"action": "reinstate", ACTION: [pk], "apply": "1", "reason": "Mix-up"},
            follow=True,
        )
    assert "Title reinstated and the holder informed by mail: IZB-2026-0001 Jana Krüger." in (
        response.content.decode()
    )
    change = staff_client.get(f"{url}{pk}/change/").content.decode()
    assert "Mix-up" in change
