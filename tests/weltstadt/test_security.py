import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.factories import UserFactory

PUBLIC_PAGES = [
    "/de/",
    "/tr/partner-cities/",
    "/en/city-networks/",
    "/fr/about/",
    "/de/accounts/login/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_responses_carry_a_strict_csp_and_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_policy_built_once_is_django_csps_and_follows_the_settings(client, settings):
    from csp.utils import build_policy

    assert client.get("/de/")["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'"]},
        "EXCLUDE_URL_PREFIXES": ["/fr/"],
    }
    changed = client.get("/en/about/")["Content-Security-Policy"]
    assert changed == build_policy()
    assert "img-src 'self';" in changed + ";"
    assert "data:" not in changed
    assert "Content-Security-Policy" not in client.get("/fr/about/")


@pytest.mark.django_db
def test_pages_have_no_inline_script_or_style_attributes(client):
    html = client.get("/de/partner-cities/").content.decode()
    assert "<script>" not in html
    assert 'style="' not in html


@pytest.mark.django_db
def test_staff_without_two_factor_cannot_reach_the_admin(client):
    staff = UserFactory(email="new-staff@example.org", is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert not Authenticator.objects.filter(user=staff).exists()


@pytest.mark.django_db
def test_staff_with_two_factor_reach_the_admin(staff_client):
    assert staff_client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_admin_login_is_allauths(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_staff_login_asks_for_the_second_factor(client, staff_user):
    response = client.post(
        "/de/accounts/login/",
        {"login": staff_user.email, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_out_even_the_right_one(client, alice):
    for _attempt in range(5):
        response = client.post("/de/accounts/login/", {"login": alice.email, "password": "wrong"})
        assert response.status_code == 200
    response = client.post(
        "/de/accounts/login/",
        {"login": alice.email, "password": "correct horse battery staple"},
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


@pytest.mark.django_db
def test_the_right_password_logs_a_member_in(client, alice):
    response = client.post(
        "/de/accounts/login/", {"login": alice.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


@pytest.mark.django_db
def test_public_sign_up_is_closed(client):
    response = client.post(
        "/de/accounts/signup/",
        {
            "email": "intruder@example.org",
            "password1": "x-Strong-pass-1",
            "password2": "x-Strong-pass-1",
        },
    )
    assert response.status_code == 200
    from weltstadt.models import User

    assert not User.objects.filter(email="intruder@example.org").exists()


@pytest.mark.django_db
def test_staff_without_two_factor_are_sent_to_set_it_up_from_any_page(client):
    staff = UserFactory(email="new-staff2@example.org", is_staff=True)
    client.force_login(staff)
    response = client.get("/de/member/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # the set-up page itself and logging out stay reachable
    setup = client.get(reverse("mfa_activate_totp"))
    # allauth asks for the password once more first (no redirect loop back to the set-up page)
    assert setup.status_code == 302
    assert setup["Location"].startswith(reverse("account_reauthenticate"))
    assert client.get(setup["Location"]).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
