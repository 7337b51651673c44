"""While the database is away (restart, fail-over) a page says so with 503 and Retry-After,
translated, instead of a 500; the first request after it is back is served normally.
The real restart, against gunicorn on PostgreSQL, is in tools/production_check.py."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


def _unreachable(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/de/partner-cities/", "Kurz nicht erreichbar"),
        ("/tr/summits/", "Kısa süreliğine erişilemiyor"),
        ("/en/bulletin/", "Please try again in a minute"),
    ],
)
def test_a_page_while_the_database_is_away_answers_503_with_retry_after(client, path, text):
    client.raise_request_exception = False
    with (
        mock.patch.object(CursorWrapper, "execute", _unreachable),
        mock.patch.object(CursorWrapper, "executemany", _unreachable),
    ):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()

    assert client.get(path).status_code == 200


def test_healthz_says_503_while_the_database_is_away(client):
    with mock.patch.object(CursorWrapper, "execute", _unreachable):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_any_other_error_stays_a_500(client):
    client.raise_request_exception = False
    with mock.patch("weltstadt.views.public.render", side_effect=RuntimeError("boom")):
        response = client.get("/en/about/")
    assert response.status_code == 500
    assert "Retry-After" not in response
