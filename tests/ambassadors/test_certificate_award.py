"""Award, numbering, corrections, revocation, medal, and the audit history."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation

from ambassadors.certificates.models import Certificate, CertificateFile
from ambassadors.certificates.numbering import number_allocate
from ambassadors.certificates.services import (
    certificate_award,
    certificate_correct,
    certificate_revoke,
    certificates_award_cohort,
    medal_hand_over,
)
from ambassadors.models import Ambassador
from ambassadors.services import ProgrammeError
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    course,
    graduate,
    number_today,
    statement,
    turkish_graduate,
)
from tests.ambassadors.factories import MissionStatementFactory
from weltstadt.models import OutgoingMail


@pytest.fixture(autouse=True)
def _english():
    """The refusals are read in the language of whoever acts: here English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    """These tests are about the records; the PDF itself is tested in test_certificate_pdf."""
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7 test"
    )


def test_numbers_follow_each_other_per_year_without_gaps(course, staff_user):  # noqa: F811
    people = [graduate(course) for _ in range(3)]
    numbers = [certificate_award(ambassador=a, by=staff_user).number for a in people]
    assert numbers == [number_today(1), number_today(2), number_today(3)]
    MissionStatementFactory(year=2025, title="Mission statement 2025")
    late = graduate(course)
    other_year = certificate_award(
        ambassador=late, by=staff_user, awarded_on=datetime.date(2025, 12, 31)
    )
    assert other_year.number == "IZB-2025-0001"


def test_a_number_taken_by_a_failed_award_is_given_again(course, staff_user):  # noqa: F811
    def award_that_fails():
        with transaction.atomic():
            assert number_allocate(year=2026) == 1
            raise RuntimeError("the award failed after taking its number")

    with pytest.raises(RuntimeError):
        award_that_fails()
    assert certificate_award(ambassador=graduate(course), by=staff_user).number == number_today(1)


def test_codes_are_long_random_and_unique(course, staff_user):  # noqa: F811
    codes = {certificate_award(ambassador=graduate(course), by=staff_user).code for _ in range(5)}
    assert len(codes) == 5
    assert all(len(code) >= 16 for code in codes)


def test_only_who_completed_every_required_module_is_awarded(course, staff_user):  # noqa: F811
    unfinished = graduate(course, complete=False, name="Deniz Demir")
    with pytest.raises(ProgrammeError, match="City diplomacy basics, Project in your city"):
        certificate_award(ambassador=unfinished, by=staff_user)
    assert not Certificate.objects.exists()


def test_the_title_is_awarded_once_and_makes_the_candidate_an_ambassador(
    turkish_graduate,  # noqa: F811
    staff_user,
):
    certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    turkish_graduate.refresh_from_db()
    assert turkish_graduate.status == Ambassador.Status.ACTIVE
    assert certificate.signatory_name == "Cemil Tugay"
    assert certificate.holder_name == "Çağrı Işıl Öztürk-Şengüler"
    with pytest.raises(ProgrammeError, match="already holds the title"):
        certificate_award(ambassador=turkish_graduate, by=staff_user)


def test_the_cohort_award_lists_what_the_others_miss_and_runs_twice_harmlessly(
    course,  # noqa: F811
    staff_user,
    run_on_commit,
):
    done = [graduate(course) for _ in range(3)]
    unfinished = graduate(course, complete=False)
    with run_on_commit():
        first = certificates_award_cohort(cohort=course, by=staff_user)
    assert {c.ambassador for c in first.awarded} == set(done)
    assert [c.ambassador for c in first.missing] == [unfinished]
    assert [str(m.title) for m in first.missing[0].missing] == [
        "City diplomacy basics",
        "Project in your city",
    ]
    assert CertificateFile.objects.count() == 3
    assert len(mail.outbox) == 3

    with run_on_commit():
        second = certificates_award_cohort(cohort=course, by=staff_user)
    assert second.awarded == []
    assert len(second.already) == 3
    assert Certificate.objects.count() == 3
    assert CertificateFile.objects.count() == 3
    assert OutgoingMail.objects.count() == 3
    assert len(mail.outbox) == 3


def test_a_correction_is_a_new_version_with_the_same_number_and_code(
    turkish_graduate,  # noqa: F811
    staff_user,
    run_on_commit,
):
    with run_on_commit():
        certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    with run_on_commit():
        corrected = certificate_correct(
            certificate=certificate, holder_name="  Çağrı Işıl  Öztürk ", by=staff_user
        )
    assert (corrected.number, corrected.code) == (certificate.number, certificate.code)
    assert corrected.version == 2
    assert corrected.holder_name == "Çağrı Işıl Öztürk"
    assert list(corrected.files.values_list("version", flat=True)) == [2, 1]
    assert len(mail.outbox) == 2
    assert number_today(1) in mail.outbox[1].subject
    # in the holder's language, whoever corrected it
    assert "sertifikanızı düzelttik" in mail.outbox[1].body
    # the audit history: who, when, what
    history = list(corrected.history.order_by("history_date"))
    assert [h.holder_name for h in history] == ["Çağrı Işıl Öztürk-Şengüler", "Çağrı Işıl Öztürk"]
    assert history[-1].history_user == staff_user
    # the same name again changes nothing
    with run_on_commit():
        certificate_correct(certificate=corrected, holder_name="Çağrı Işıl Öztürk", by=staff_user)
    assert Certificate.objects.get().version == 2
    assert len(mail.outbox) == 2


def test_a_revocation_needs_a_reason_and_is_recorded(turkish_graduate, staff_user):  # noqa: F811
    certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    with pytest.raises(ProgrammeError, match="reason"):
        certificate_revoke(certificate=certificate, reason="  ", by=staff_user)
    assert Certificate.objects.get().is_valid
    revoked = certificate_revoke(certificate=certificate, reason="Misconduct", by=staff_user)
    assert revoked.status == Certificate.Status.REVOKED
    assert revoked.revoked_at is not None
    assert revoked.history.first().revocation_reason == "Misconduct"
    assert revoked.history.first().history_user == staff_user
    with pytest.raises(ProgrammeError):
        certificate_revoke(certificate=revoked, reason="Again", by=staff_user)
    with pytest.raises(ProgrammeError):
        certificate_correct(certificate=revoked, holder_name="Someone", by=staff_user)


def test_the_medal_handover_is_recorded(turkish_graduate, staff_user):  # noqa: F811
    certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    with pytest.raises(ProgrammeError):
        medal_hand_over(
            certificate=certificate, on=datetime.date(2026, 10, 29), event=" ", by=staff_user
        )
    medal_hand_over(
        certificate=certificate,
        on=datetime.date(2026, 10, 29),
        event="Republic Day reception, İzmir",
        by=staff_user,
    )
    certificate.refresh_from_db()
    assert certificate.medal_handed_over_on == datetime.date(2026, 10, 29)
    assert certificate.medal_event == "Republic Day reception, İzmir"


def test_no_award_without_a_signatory(cohort, staff_user):
    ambassador = graduate(cohort)
    with pytest.raises(ProgrammeError, match="mission statement"):
        certificate_award(ambassador=ambassador, by=staff_user)


def test_a_repeated_render_renders_nothing_and_sends_on_a_mail_left_behind(
    turkish_graduate,  # noqa: F811
    staff_user,
    run_on_commit,
    monkeypatch,
):
    """A worker that died after committing the file and the outbox row, before handing the
    mail to the mail queue: the redelivered render sends that mail, and only once."""
    from ambassadors.certificates import services

    with monkeypatch.context() as crash:
        crash.setattr(services, "outbox_schedule", lambda ids: None)
        with run_on_commit():
            certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.PENDING
    assert mail.outbox == []

    for _ in range(2):
        with run_on_commit():
            services.certificate_render(certificate_id=certificate.pk)
    assert CertificateFile.objects.count() == 1
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT
    assert len(mail.outbox) == 1
