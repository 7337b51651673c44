"""Issue 22: one JSON line per event, UTC with offset, a request id per request (the proxy's, or a
new one) carried into the tasks it enqueues, no bearer token and no address in any line, a wrong
Host header a warning without traceback; the error page claims a report only when one is made."""

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client

from weltstadt.celery import REQUEST_ID_HEADER, _carry_request_id
from weltstadt.log import request_id


@pytest.fixture
def json_log(settings):
    """The production logging config, writing into a buffer; yields a function that returns the
    records written so far."""
    buffer = io.StringIO()
    config = json.loads(json.dumps(django_settings.LOGGING, default=str))
    config["handlers"]["console"] = {
        "class": "logging.StreamHandler",
        "formatter": "json",
        "stream": buffer,
    }
    config["loggers"]["weltstadt.access"] = {"level": "INFO"}
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    logging.config.dictConfig(django_settings.LOGGING)


@pytest.mark.django_db
def test_access_lines_are_json_in_utc_with_the_proxys_request_id_and_no_tokens(json_log):
    token = "tok4f1c9e0b7d2a44c3b1e8"
    response = Client().get(
        f"/tr/masterplan/expert/{token}/", HTTP_X_REQUEST_ID="proxy-id-1234567890"
    )
    assert response["X-Request-ID"] == "proxy-id-1234567890"
    records = json_log()
    access = [r for r in records if r["logger"] == "weltstadt.access"]
    assert access[0]["path"] == "/tr/masterplan/expert/<token>/"
    assert access[0]["request_id"] == "proxy-id-1234567890"
    assert access[0]["time"].endswith("+00:00")
    assert all(token not in json.dumps(r) for r in records)


@pytest.mark.django_db
def test_a_missing_or_odd_request_id_is_replaced_by_a_new_one(json_log):
    first = Client().get("/en/", HTTP_X_REQUEST_ID="<script>")
    second = Client().get("/en/")
    assert first["X-Request-ID"] != "<script>"
    assert len({first["X-Request-ID"], second["X-Request-ID"]}) == 2


@pytest.mark.django_db
def test_not_found_lines_of_bearer_links_name_the_route_not_the_token(json_log):
    token = "tok0a1b2c3d4e5f60718293"
    Client().get(f"/en/bulletin/unsubscribe/{token}/")
    Client().get(f"/en/summits/registration/{token}/")
    lines = [json.dumps(r) for r in json_log()]
    assert lines
    assert not [line for line in lines if token in line]


@pytest.mark.django_db
def test_a_wrong_host_header_is_one_warning_without_traceback(json_log):
    response = Client().get("/en/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    records = [r for r in json_log() if r["logger"] == "django.security.DisallowedHost"]
    assert [r["level"] for r in records] == ["WARNING"]
    assert "exc_info" not in records[0]


def test_addresses_are_hashed_and_times_are_utc(json_log):
    logging.getLogger("weltstadt.outbox").warning("could not reach ayse.yilmaz@example.org")
    (record,) = [r for r in json_log() if r["logger"] == "weltstadt.outbox"]
    assert "ayse.yilmaz@example.org" not in record["message"]
    assert "<email:" in record["message"]
    assert record["time"].endswith("+00:00")


def test_a_task_published_during_a_request_carries_its_id():
    headers = {}
    token = request_id.set("req-abcdef123456")
    try:
        _carry_request_id(headers=headers)
    finally:
        request_id.reset(token)
    assert headers == {REQUEST_ID_HEADER: "req-abcdef123456"}


@pytest.mark.django_db
def test_the_error_page_claims_a_report_only_when_someone_is_told(settings, run_on_commit):
    from weltstadt.views.errors import server_error

    settings.ADMINS, settings.SENTRY_DSN, settings.ERRORS_REPORTED = [], "", False
    page = server_error(None).content.decode()
    assert "notified" not in page
    settings.ADMINS = [("ops", "ops@weltstadt.example")]
    settings.ERRORS_REPORTED = True
    assert "notified" in server_error(None).content.decode()


@pytest.mark.django_db
def test_errors_are_mailed_to_admins_through_the_outbox_once_per_interval(settings, run_on_commit):
    from weltstadt.error_report import OutboxAdminHandler
    from weltstadt.models import OutgoingMail

    settings.ADMINS = [("ops", "ops@weltstadt.example")]
    handler = OutboxAdminHandler()
    logger = logging.getLogger("weltstadt.tests.errors")
    logger.addHandler(handler)
    try:
        with run_on_commit():
            for _ in range(3):
                try:
                    raise RuntimeError("the database went away for jane@example.org")
                except RuntimeError:
                    logger.exception("Internal Server Error: /en/")
    finally:
        logger.removeHandler(handler)
    rows = OutgoingMail.objects.filter(template="weltstadt/error_report")
    assert rows.count() == 1
    assert [m.to for m in mail.outbox] == [["ops@weltstadt.example"]]
    body = mail.outbox[0].body
    assert "RuntimeError" in body
    assert "jane@example.org" not in body


def test_the_media_view_serves_public_uploads_only(settings, tmp_path, rf):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.http import Http404

    from weltstadt.private_storage import private_storage
    from weltstadt.views.media import public_media

    name = default_storage.save("ambassadors/photos/p.png", ContentFile(b"\x89PNG photo"))
    response = public_media(rf.get(f"/media/{name}"), name)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG photo"
    assert response["Content-Type"] == "image/png"
    secret = private_storage.save("certificates/c.pdf", ContentFile(b"%PDF secret"))
    for path in (secret, f"../private/{secret}", "../../etc/passwd"):
        with pytest.raises(Http404):
            public_media(rf.get("/media/x"), path)


def test_with_a_sentry_dsn_the_sdk_reports_and_the_page_says_so():
    """Settings are read once per process: a fresh one with SENTRY_DSN set."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "SENTRY_DSN": "https://public@sentry.example/1",
        "DJANGO_SETTINGS_MODULE": "weltstadt.settings",
    }
    code = (
        "import django; django.setup(); import sentry_sdk; from django.conf import settings; "
        "print(bool(sentry_sdk.get_client().is_active()), settings.ERRORS_REPORTED)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "True"]


def test_media_links_in_mails_are_absolute_whatever_the_storage(settings):
    from django.template import Context, Template

    settings.SITE_URL = "https://weltstadt-izmir.org"
    template = Template("{% load weltstadt_urls %}{{ url|absolute_url }}")
    on_disk = template.render(Context({"url": "/media/bulletin/lead.jpg"}))
    in_bucket = template.render(Context({"url": "https://cdn.example/media/bulletin/lead.jpg"}))
    assert on_disk == "https://weltstadt-izmir.org/media/bulletin/lead.jpg"
    assert in_bucket == "https://cdn.example/media/bulletin/lead.jpg"
