"""Issue 22: the first deployment is one command, and account mail speaks the reader's language
formally."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from weltstadt.models import City, OutgoingMail, User


@pytest.mark.django_db
def test_bootstrap_creates_a_verified_administrator_imports_partners_and_tests_mail(settings):
    settings.DEBUG = False
    from io import StringIO

    out = StringIO()
    call_command(
        "bootstrap", email="chef@weltstadt.example", login_link=True, interactive=False, stdout=out
    )
    user = User.objects.get(email="chef@weltstadt.example")
    assert user.is_staff
    assert user.is_superuser
    assert user.preferred_language == "en"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert City.objects.count() > 10
    test_mail = OutgoingMail.objects.get(template="weltstadt/test_message")
    assert test_mail.status == OutgoingMail.Status.SENT
    assert [m.to for m in mail.outbox] == [["chef@weltstadt.example"]]

    # the printed one-time link lets the administrator choose a password, then log in
    # without any confirmation mail; the back-office then asks for TOTP enrolment
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", out.getvalue()).group(0)
    path = link.split(settings.SITE_URL, 1)[1]
    client = Client()
    form = client.get(path, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"password1": "ein-langes-Passwort-2026", "password2": "ein-langes-Passwort-2026"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.has_usable_password()
    login = client.post(
        "/en/accounts/login/",
        {"login": "chef@weltstadt.example", "password": "ein-langes-Passwort-2026"},
    )
    assert login.status_code == 302
    assert "confirm-email" not in login["Location"]
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert "/accounts/2fa/totp/activate/" in admin["Location"]

    # again: nothing new but another test mail
    call_command(
        "bootstrap", email="chef@weltstadt.example", login_link=True, interactive=False,
        stdout=StringIO(),
    )  # fmt: skip
    assert User.objects.filter(email="chef@weltstadt.example").count() == 1


@pytest.mark.django_db
def test_bootstrap_says_when_the_mail_settings_do_not_work(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    with pytest.raises(CommandError, match=r"test mail .* failed"):
        call_command(
            "bootstrap", email="chef@weltstadt.example", login_link=True, interactive=False,
            skip_partner_data=True,
        )  # fmt: skip


@pytest.mark.django_db
def test_bootstrap_without_a_terminal_needs_the_login_link():
    with pytest.raises(CommandError, match="--login-link"):
        call_command("bootstrap", email="chef@weltstadt.example", interactive=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "formal", "informal"),
    [("en", "Good day", None), ("de", "Sie", r"\b(du|dein|dich|dir)\b")],
)
def test_the_confirmation_mail_comes_in_the_language_asked_from_formally(
    client, run_on_commit, page, formal, informal
):
    # a user whose stored language is Turkish logs in with an unverified address
    user = User.objects.create_user(
        email="neu@weltstadt.example", password="ein-langes-Passwort-2026", preferred_language="tr"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    with run_on_commit():
        client.post(
            f"/{page}/accounts/login/",
            {"login": user.email, "password": "ein-langes-Passwort-2026"},
        )
    row = OutgoingMail.objects.get(to=user.email)
    assert row.language == page
    body = mail.outbox[-1].body
    assert formal in body
    if informal:
        assert not re.search(informal, body, re.IGNORECASE)
