"""Acceptance 4: every mail of the programme goes through the outbox in the recipient's language.

The tests check the language the row records, that rendering happened in it (the links carry its
prefix) and that subject and body are the catalogue's German or Turkish words, not the English
source (`_in` asserts that the catalogue really translates the message).
"""

import pytest
from django.core import mail
from django.utils import translation

from ambassadors.services.applications import (
    application_accept,
    application_reject,
    application_submit,
)
from ambassadors.services.mission import mission_statement_publish
from tests.ambassadors.factories import (
    AmbassadorFactory,
    ApplicationFactory,
    MissionStatementFactory,
)
from tests.factories import UserFactory
from weltstadt.models import OutgoingMail

FORM = {
    "name": "Deniz Kaya",
    "country": "DE",
    "city": "Berlin",
    "field": "science",
    "organisation": "",
    "languages": "Deutsch, Türkçe",
    "connection": "Studied at Ege University.",
    "motivation": "x" * 60,
}


def _mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def _in(language: str, message: str, **values) -> str:
    """`message` as the catalogue of `language` has it; it must differ from the English."""
    with translation.override(language):
        text = translation.gettext(message)
    assert text != message, f"{message!r} is not translated into {language}"
    return text % values if values else text


SUBJECTS = {
    "received": "Your application to the İzmir Ambassadors programme",
    "accepted": "Welcome to the İzmir Ambassadors programme",
    "invitation": "Set your password for the İzmir Ambassadors member area",
}


@pytest.mark.parametrize("language", ["de", "tr"])
def test_application_mails_follow_the_applicant_language(
    language, cohort, staff_user, run_on_commit
):
    # staff work in English; the applicant's language wins
    with translation.override("en"), run_on_commit():
        application_submit(
            cohort=cohort, language=language, email=f"a-{language}@example.org", **FORM
        )
        rejected = ApplicationFactory(
            cohort=cohort, email=f"r-{language}@example.org", language=language
        )
        application_reject(application=rejected, by=staff_user, reason="Full")
        accepted = ApplicationFactory(
            cohort=cohort, email=f"n-{language}@example.org", language=language
        )
        application_accept(application=accepted, by=staff_user)

    rows = OutgoingMail.objects.order_by("pk")
    assert [r.template for r in rows] == [
        "ambassadors/application_received",
        "ambassadors/application_rejected",
        "ambassadors/application_accepted",
        "ambassadors/invitation",
    ]
    assert {r.language for r in rows} == {language}
    assert {r.status for r in rows} == {OutgoingMail.Status.SENT}

    confirmation = _mails_to(f"a-{language}@example.org")[0]
    assert confirmation.subject == _in(language, SUBJECTS["received"])
    assert f"/{language}/ambassadors/" in confirmation.body
    assert _in(language, "Kind regards") in confirmation.body
    decision = _mails_to(f"r-{language}@example.org")[0]
    assert decision.subject == _in(language, SUBJECTS["received"])
    assert "Full" in decision.body
    welcome, invitation = _mails_to(f"n-{language}@example.org")
    assert welcome.subject == _in(language, SUBJECTS["accepted"])
    assert invitation.subject == _in(language, SUBJECTS["invitation"])
    assert _in(language, "Your progress in the programme:") in invitation.body
    assert f"/{language}/accounts/password/reset/key/" in invitation.body
    assert f"/{language}/ambassadors/member/" in invitation.body


def test_mail_subjects_are_rendered_in_the_recipient_language(cohort, staff_user, run_on_commit):
    """German and Turkish rows render their own templates: the `language` variable of the
    context differs, and so would every translated string."""
    from weltstadt.mail import mail_render

    with run_on_commit():
        for language in ("de", "tr"):
            application_submit(
                cohort=cohort, language=language, email=f"{language}@example.org", **FORM
            )
    for row in OutgoingMail.objects.all():
        with translation.override("en"):
            rendered = mail_render(row.template, language=row.language, context=row.context)
        assert f"/{row.language}/ambassadors/" in rendered.text


def test_publishing_the_mission_statement_mails_each_active_ambassador_once_in_their_language(
    cohort, staff_user, run_on_commit
):
    german = AmbassadorFactory(
        cohort=cohort, status="active", user=UserFactory(preferred_language="de")
    )
    turkish = AmbassadorFactory(
        cohort=cohort, status="active", user=UserFactory(preferred_language="tr")
    )
    AmbassadorFactory(cohort=cohort, status="candidate")  # not yet an ambassador
    AmbassadorFactory(cohort=cohort, status="inactive")
    statement = MissionStatementFactory(year=2026)
    with translation.override("en"), run_on_commit():
        assert mission_statement_publish(statement=statement, by=staff_user) == 2
    statement.refresh_from_db()
    assert statement.status == "published"
    assert statement.published_by == staff_user
    rows = {r.user_id: r for r in OutgoingMail.objects.all()}
    assert rows[german.user_id].language == "de"
    assert rows[turkish.user_id].language == "tr"
    assert len(mail.outbox) == 2
    (tr_mail,) = _mails_to(turkish.user.email)
    assert "/tr/ambassadors/member/mission/2026/" in tr_mail.body
    (de_mail,) = _mails_to(german.user.email)
    assert "/de/ambassadors/member/mission/2026/" in de_mail.body
    subject = "The ambassadors' mission statement %(year)s"
    assert de_mail.subject == _in("de", subject, year=2026)
    assert tr_mail.subject == _in("tr", subject, year=2026)
    assert _in("tr", "Kind regards") in tr_mail.body

    from ambassadors.services import ProgrammeError

    with pytest.raises(ProgrammeError):
        mission_statement_publish(statement=statement, by=staff_user)
    assert OutgoingMail.objects.count() == 2
