"""Every list of the API costs the same number of queries for one set of rows and for four."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import list_url, resources
from tests.api.world import api_world

pytestmark = pytest.mark.django_db


def queries_per_list(client) -> dict[str, int]:
    counts = {}
    for basename, _viewset in resources():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(list_url(basename), {"page_size": 200})
        assert response.status_code == 200
        assert response.json()["results"], basename
        counts[basename] = len(queries)
    return counts


def test_list_queries_do_not_grow_with_rows(client):
    api_world(0)
    few = queries_per_list(client)
    for n in range(1, 4):
        api_world(n)
    many = queries_per_list(client)
    assert many == few
    assert set(few) == {basename for basename, _viewset in resources()}
