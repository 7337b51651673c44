import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from ambassadors.models import Ambassador, Application
from ambassadors.services import ProgrammeError
from ambassadors.services.applications import (
    application_accept,
    application_reject,
    application_submit,
)
from tests.ambassadors.factories import ApplicationFactory
from weltstadt.models import OutgoingMail, User

FORM = {
    "name": "Zeynep Yılmaz",
    "email": "Zeynep@Example.org",
    "country": "DE",
    "city": "Köln",
    "field": "culture",
    "organisation": "Kulturforum Köln",
    "languages": "Deutsch, Türkçe, English",
    "connection": "I grew up in Bornova.",
    "motivation": "I want to bring İzmir's artists to the Rhineland and back again, every year.",
    "consent": "on",
}


def test_the_programme_page_shows_modules_providers_and_the_cohort(client, cohort, modules):
    html = client.get("/de/ambassadors/").content.decode()
    assert "Cohort 2026" in html
    assert "City diplomacy basics" in html
    assert "İZTO" in html
    assert 'id="apply"' in html


def test_an_application_is_stored_and_confirmed_in_the_page_language(client, cohort, run_on_commit):
    with run_on_commit():
        response = client.post("/tr/ambassadors/", FORM)
    assert response.status_code == 302
    assert response["Location"] == "/tr/ambassadors/applied/"
    application = Application.objects.get()
    assert application.email == "zeynep@example.org"
    assert application.language == "tr"
    assert application.consented_at is not None
    row = OutgoingMail.objects.get(template="ambassadors/application_received")
    assert row.language == "tr"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["zeynep@example.org"]
    assert "/tr/ambassadors/" in mail.outbox[0].body


def test_bad_input_is_explained_and_nothing_is_stored(client, cohort):
    data = {**FORM, "email": "not-an-address", "motivation": "short"}
    del data["consent"]
    response = client.post("/en/ambassadors/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "at least 50 characters" in html
    assert "only handle your application with your consent" in html
    assert not Application.objects.exists()


def test_a_duplicate_application_is_explained_not_stored_twice(client, cohort, run_on_commit):
    with run_on_commit():
        client.post("/de/ambassadors/", FORM)
    response = client.post("/en/ambassadors/", {**FORM, "email": "zeynep@EXAMPLE.org"})
    assert response.status_code == 200
    assert "We already have an application from this e-mail address" in response.content.decode()
    assert Application.objects.count() == 1
    assert OutgoingMail.objects.count() == 1


def test_closed_cohort_takes_no_application(client, cohort):
    cohort.is_open_for_applications = False
    cohort.save()
    with pytest.raises(ProgrammeError):
        application_submit(cohort=cohort, language="de", **{**FORM, "consent": True})
    html = client.get("/en/ambassadors/").content.decode()
    assert "Applications are closed" in html


def test_accepting_creates_the_invited_account_and_mails_decision_and_invitation(
    staff_user, cohort, run_on_commit
):
    application = ApplicationFactory(cohort=cohort, email="ece@example.org", language="tr")
    with run_on_commit():
        ambassador = application_accept(application=application, by=staff_user)
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert application.reviewed_by == staff_user
    assert application.reviewed_at is not None
    user = User.objects.get(email="ece@example.org")
    assert ambassador.user == user
    assert ambassador.status == Ambassador.Status.CANDIDATE
    assert user.preferred_language == "tr"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    templates = sorted(m.template for m in OutgoingMail.objects.all())
    assert templates == ["ambassadors/application_accepted", "ambassadors/invitation"]
    invitation = next(m for m in mail.outbox if "/accounts/password/reset/key/" in m.body)
    assert "/tr/accounts/password/reset/key/" in invitation.body


def test_an_application_is_decided_once(staff_user, cohort):
    application = ApplicationFactory(cohort=cohort)
    application_accept(application=application, by=staff_user)
    with pytest.raises(ProgrammeError):
        application_accept(application=application, by=staff_user)
    with pytest.raises(ProgrammeError):
        application_reject(application=application, by=staff_user, reason="Too late")


def test_rejecting_needs_a_reason_and_mails_it(staff_user, cohort, run_on_commit):
    application = ApplicationFactory(cohort=cohort, language="de")
    with pytest.raises(ProgrammeError):
        application_reject(application=application, by=staff_user, reason="  ")
    with run_on_commit():
        application_reject(application=application, by=staff_user, reason="Cohort is full.")
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.rejection_reason == "Cohort is full."
    assert "Cohort is full." in mail.outbox[0].body
    assert not User.objects.filter(email=application.email).exists()


def test_a_rejected_applicant_may_apply_again(staff_user, cohort):
    application = ApplicationFactory(cohort=cohort, email="again@example.org")
    application_reject(application=application, by=staff_user, reason="Incomplete.")
    application_submit(cohort=cohort, language="de", **{**FORM, "email": "again@example.org"})
    assert Application.objects.filter(email="again@example.org").count() == 2


def test_nobody_can_sign_up_on_their_own(client, db):
    client.post(
        "/de/accounts/signup/",
        {"email": "self@example.org", "password1": "x-Very-long-1", "password2": "x-Very-long-1"},
    )
    assert not User.objects.filter(email="self@example.org").exists()


def test_the_minimum_length_of_the_motivation_is_stated_before_any_error(client, cohort):
    html = client.get("/en/ambassadors/").content.decode()
    assert "Why do you want to become an ambassador of İzmir? At least 50 characters." in html
    html = client.get("/de/ambassadors/").content.decode()
    assert "Mindestens 50 Zeichen." in html


def test_an_address_of_a_member_gets_the_same_answer_and_the_owner_a_mail(
    client, alice, alice_ambassador, cohort, run_on_commit
):
    """Issue 19: "already belongs to an ambassador of the programme" told anyone who is in the
    programme. Now the page answers as for a new address; the owner learns of it by mail, in
    their language, with the cohort's name in that language."""
    cohort.title_de = "Jahrgang 2026"
    cohort.save()
    alice.preferred_language = "de"
    alice.save()
    with run_on_commit():
        response = client.post("/en/ambassadors/", {**FORM, "email": alice.email.upper()})
    with run_on_commit():
        new = client.post("/en/ambassadors/", {**FORM, "email": "new@example.org"})
    assert response.status_code == new.status_code == 302
    assert response["Location"] == new["Location"] == "/en/ambassadors/applied/"
    assert not Application.objects.filter(email=alice.email).exists()
    [owner_mail] = [m for m in mail.outbox if m.to == [alice.email]]
    assert "Jahrgang 2026" in owner_mail.body
    assert "Cohort 2026" not in owner_mail.body
    assert OutgoingMail.objects.get(to=alice.email).language == "de"
    # a second try the same day sends no second mail
    with run_on_commit():
        client.post("/en/ambassadors/", {**FORM, "email": alice.email})
    assert len([m for m in mail.outbox if m.to == [alice.email]]) == 1


@pytest.mark.parametrize(("language", "title"), [("de", "Jahrgang 2026"), ("fr", "Promotion 2026")])
def test_mails_sent_from_the_admin_name_the_cohort_in_the_recipients_language(
    language, title, staff_client, cohort, run_on_commit
):
    cohort.title_de, cohort.title_fr, cohort.title_en = (
        "Jahrgang 2026",
        "Promotion 2026",
        "Cohort 2026",
    )
    cohort.save()
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # staff work in English
    accepted = ApplicationFactory(cohort=cohort, language=language, email="acc@example.org")
    rejected = ApplicationFactory(cohort=cohort, language=language, email="rej@example.org")
    with run_on_commit():
        response = staff_client.post(
            "/admin/ambassadors/application/",
            {"action": "accept", "_selected_action": [accepted.pk]},
            follow=True,
        )
    page = response.content.decode()
    assert "record changed" not in page
    assert f"Application accepted and invitation to the member area mailed: {accepted.name}" in page
    with run_on_commit():
        response = staff_client.post(
            "/admin/ambassadors/application/",
            {
                "action": "reject",
                "_selected_action": [rejected.pk],
                "apply": "1",
                "reason": "Full.",
            },
            follow=True,
        )
    assert f"Application rejected and the reason mailed: {rejected.name}" in (
        response.content.decode()
    )
    naming_the_cohort = [m for m in mail.outbox if "2026" in m.body]
    assert len(naming_the_cohort) == 2  # the decision of each (the invitation names none)
    for message in naming_the_cohort:
        assert title in message.body, message.subject
        assert "Cohort 2026" not in message.body
