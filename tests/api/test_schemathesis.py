"""Schemathesis against the live OpenAPI schema: every operation, generated valid and invalid
input; no server error, and every answer (status, content type, headers, body) as the schema
says. Runs through the WSGI application on the suite's database (PostgreSQL in CI). The number of
examples per operation is bounded (API_EXAMPLES, default 8) to keep the run under a minute.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from weltstadt.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("API_EXAMPLES", "8"))


# fetched from the application itself, as a client would (no database is needed for it)
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


# A cursor is opaque: only one the API handed out in a `next` or `previous` link is valid, and any
# other is refused with 400 (tests/api/test_http.py), which no schema can say of a string; so
# valid-looking input is not required to be accepted. Every other check runs: no server error,
# status codes, content types, headers and bodies as documented, invalid input refused.
LENIENT = [positive_data_acceptance]


@pytest.fixture
def wsgi_in_the_test_transaction(world):
    """The application keeps the test's database connection (and its transaction) open between
    requests, as Django's test client does: a server closes it when a request finishes."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(wsgi_in_the_test_transaction, case):
    case.call_and_validate(excluded_checks=LENIENT)
