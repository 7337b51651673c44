import os
import subprocess
import sys

from django.conf import settings

from tests.credential_keys import credential_keys_for_tests

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-key-that-is-only-used-in-this-test-0123456789",
    "DJANGO_ALLOWED_HOSTS": "weltstadt-izmir.org",
    "WELTSTADT_CREDENTIAL_KEYS": credential_keys_for_tests(),
}


def _manage(*args, env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_the_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_ALLOWED_HOSTS"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_the_credential_keys():
    env = {k: v for k, v in PRODUCTION.items() if k != "WELTSTADT_CREDENTIAL_KEYS"}
    result = _manage("check", env={**env, "WELTSTADT_CREDENTIAL_KEYS": ""})
    assert result.returncode != 0
    assert "WELTSTADT_CREDENTIAL_KEYS must be set" in result.stderr


def test_credential_keys_must_be_private_keys_with_a_kid():
    public_only = '{"keys": [{"kty": "EC", "crv": "P-256", "x": "a", "y": "b", "kid": "k"}]}'
    result = _manage("check", env={**PRODUCTION, "WELTSTADT_CREDENTIAL_KEYS": public_only})
    assert result.returncode != 0
    assert "needs at least one private key, each with a kid" in result.stderr
    result = _manage("check", env={**PRODUCTION, "WELTSTADT_CREDENTIAL_KEYS": "not json"})
    assert "must be a JWK set" in result.stderr
