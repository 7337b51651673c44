import pytest
from django.core import mail

from weltstadt.models import OutgoingMail


@pytest.mark.django_db
def test_member_area_sends_anonymous_visitors_to_login(client):
    response = client.get("/de/member/")
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/login/")


@pytest.mark.django_db
def test_member_area_greets_the_member(client, alice):
    client.force_login(alice)
    response = client.get("/en/member/")
    assert response.status_code == 200
    assert "Alice" in response.content.decode()


@pytest.mark.django_db
def test_password_reset_mail_goes_through_the_outbox_in_the_language_asked_from(
    client, bob, run_on_commit
):
    # bob prefers Turkish; he asks from the English page: he reads English now (issue 22)
    with run_on_commit():
        response = client.post("/en/accounts/password/reset/", {"email": bob.email})
    assert response.status_code == 302
    row = OutgoingMail.objects.get(to=bob.email)
    assert row.language == "en"
    assert row.status == OutgoingMail.Status.SENT
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/en/accounts/password/reset/key/" in body


@pytest.mark.django_db
def test_seed_demo_is_idempotent(settings):
    from django.core.management import call_command

    from weltstadt.models import City, User

    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (User.objects.count(), City.objects.count(), OutgoingMail.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (User.objects.count(), City.objects.count(), OutgoingMail.objects.count()) == counts
    assert User.objects.filter(email="admin@weltstadt.example", is_superuser=True).exists()


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production(settings):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG only"):
        call_command("seed_demo")


@pytest.mark.django_db
def test_staff_roles_exist_as_groups():
    from django.contrib.auth.models import Group

    from weltstadt.accounts.roles import ALL_ROLES

    assert set(Group.objects.values_list("name", flat=True)) >= set(ALL_ROLES)


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_says_accounts_are_by_invitation(
    client, run_on_commit, settings
):
    # asked from the Turkish page: answered in Turkish, with no link to the closed sign-up
    with run_on_commit():
        response = client.post("/tr/accounts/password/reset/", {"email": "yabanci@example.org"})
    assert response.status_code == 302
    row = OutgoingMail.objects.get(to="yabanci@example.org")
    assert row.language == "tr"
    message = mail.outbox[0]
    assert "signup" not in message.body
    assert settings.ASSOCIATION["email"] in message.body
    assert "davet" in message.body  # "by invitation", in Turkish
