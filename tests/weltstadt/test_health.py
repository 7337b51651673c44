import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "unreachable"


@pytest.mark.django_db
def test_healthz_checks_a_reachable_broker(client, settings):
    import os

    if not os.environ.get("CELERY_BROKER_URL"):
        settings.CELERY_BROKER_URL = "memory://"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


@pytest.mark.django_db
def test_healthz_answers_probes_behind_allowed_hosts_and_the_https_redirect(client, settings):
    settings.ALLOWED_HOSTS = ["weltstadt-izmir.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    # every other page still refuses a foreign host
    assert client.get("/de/", HTTP_HOST="10.0.0.7:8000").status_code == 400
