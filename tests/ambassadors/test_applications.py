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
