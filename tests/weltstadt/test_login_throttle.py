"""Wrong passwords lock out the address that typed them, not the account's owner elsewhere."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/de/accounts/login/"
PASSWORD = "correct horse battery"


@pytest.fixture
def admin_user():
    user = UserFactory(email="admin@weltstadt.example", name="Deniz Aydın")
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, address, password, email="admin@weltstadt.example"):
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=address)


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_from_one_address_do_not_stop_the_owner_elsewhere(client, admin_user):
    for _ in range(8):
        _login(client, "203.0.113.7", "wrong")
    assert _login(client, "198.51.100.20", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_the_address_that_guessed_is_locked_out_even_with_the_right_password(client, admin_user):
    for _ in range(5):
        _login(client, "203.0.113.7", "wrong")
    response = _login(client, "203.0.113.7", PASSWORD)
    assert response.status_code == 200
    assert not _logged_in(client)


def test_one_address_cannot_try_many_accounts(client, admin_user):
    # ten failures a minute for any one address, whichever accounts they name
    for number in range(10):
        _login(client, "203.0.113.7", "wrong", email=f"someone{number}@example.org")
    assert _login(client, "203.0.113.7", PASSWORD).status_code != 302
    assert not _logged_in(client)


@pytest.mark.parametrize("language", ["de", "tr"])
def test_password_reset_does_not_tell_whether_an_account_exists(client, admin_user, language):
    url = f"/{language}/accounts/password/reset/"
    known = client.post(url, {"email": "admin@weltstadt.example"}, REMOTE_ADDR="198.51.100.1")
    unknown = client.post(url, {"email": "nobody@example.org"}, REMOTE_ADDR="198.51.100.2")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    done_known = client.get(known["Location"]).content.decode()
    done_unknown = client.get(unknown["Location"]).content.decode()
    strip = lambda page: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)  # noqa: E731
    assert strip(done_known) == strip(done_unknown)
