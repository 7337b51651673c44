"""The security headers a production deployment (DJANGO_DEBUG=0) sends, as Mozilla's Observatory
scores them: CSP without 'unsafe-inline' and frame-ancestors 'none', HSTS, nosniff, frame DENY,
COOP, CORP, Referrer-Policy and Permissions-Policy, secure cookies."""

import functools
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from tests.credential_keys import credential_keys_for_tests

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "production-test-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "weltstadt.example.org",
    "WELTSTADT_CREDENTIAL_KEYS": credential_keys_for_tests(),
}
SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
    "CROSS_ORIGIN_RESOURCE_POLICY",
    "PERMISSIONS_POLICY",
    "ALLOWED_HOSTS",
]


@functools.cache
def production_settings() -> dict:
    """The settings module as a production process loads it (a fresh interpreter, DEBUG=0)."""
    code = (
        "import json, weltstadt.settings as s;"
        f"print(json.dumps({{n: getattr(s, n) for n in {SECURITY_SETTINGS!r}}}))"
    )
    env = {**os.environ, **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=django_settings.BASE_DIR,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production(settings):
    values = production_settings()
    assert values["DEBUG"] is False
    for name, value in values.items():
        if name != "DEBUG":
            setattr(settings, name, value)
    return values


def _csp(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def test_production_pages_carry_the_full_header_set(client, production):
    response = client.get("/de/", secure=True, headers={"host": "weltstadt.example.org"})
    assert response.status_code == 200
    headers = response.headers
    csp = _csp(response)
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "'none'"
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'self'"
    assert csp["form-action"] == "'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    hsts = headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    policy = headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_production_redirects_http_and_sets_only_secure_cookies(client, production):
    host = {"host": "weltstadt.example.org"}
    plain = client.get("/de/", headers=host)
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://weltstadt.example.org/")
    response = client.get("/de/accounts/login/", secure=True, headers=host)
    assert response.status_code == 200
    assert response.cookies, "the login form sets the CSRF cookie"
    for cookie in response.cookies.values():
        assert cookie["secure"], cookie.key
    assert production["SESSION_COOKIE_SECURE"]
    assert production["CSRF_COOKIE_SECURE"]


def test_error_pages_and_private_downloads_carry_the_headers_too(client, production):
    host = {"host": "weltstadt.example.org"}
    for path in ("/de/no-such-page/", "/de/ambassadors/member/certificates/1/pdf/"):
        response = client.get(path, secure=True, headers=host)
        assert response.status_code in (302, 404)
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" in response.headers


def test_an_unknown_host_is_refused_in_production(client, production):
    assert client.get("/de/", secure=True, headers={"host": "evil.example"}).status_code == 400


def test_api_docs_keep_the_policy_without_unsafe_inline(client, production):
    """Swagger UI and Redoc come from our own static files: no inline script, no third-party
    host; Redoc's run-time styles are allowed by the page's nonce alone."""
    host = {"host": "weltstadt.example.org"}
    for path in ("/api/docs/", "/api/redoc/"):
        response = client.get(path, secure=True, headers=host)
        assert response.status_code == 200, path
        policy = response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy
        csp = _csp(response)
        assert csp["script-src"] == "'self'"
        html = response.content.decode()
        assert "<script>" not in html
        assert "<style" not in html
        assert "https://" not in html.replace("https://weltstadt.example.org/", "")
        assert "/static/drf_spectacular_sidecar/" in html
    redoc = client.get("/api/redoc/", secure=True, headers=host)
    nonce = _csp(redoc)["style-src"].split("'nonce-")[1].rstrip("'")
    assert f'nonce="{nonce}"' in redoc.content.decode()
    script = client.get("/api/docs/?script=", secure=True, headers=host)
    assert script["Content-Type"].startswith("application/javascript")
