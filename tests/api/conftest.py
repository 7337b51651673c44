import pytest
from django.urls import reverse

from api.urls import router
from tests.api.world import api_world


@pytest.fixture(autouse=True)
def _api_rate_high(settings):
    # the rate has its own test; the others send many requests from one address
    settings.API_THROTTLE_RATE = "100000/min"


@pytest.fixture
def world(db):
    return api_world()


def resources() -> list[tuple[str, type]]:
    """(basename, viewset) of every resource under /api/v1/."""
    return [(basename, viewset) for _prefix, viewset, basename in router.registry]


def list_url(basename: str) -> str:
    return reverse(f"api:{basename}-list")


def detail_url(basename: str, viewset, item: dict) -> str:
    kwarg = viewset.lookup_url_kwarg or viewset.lookup_field
    field = "id" if viewset.lookup_field == "pk" else viewset.lookup_field
    return reverse(f"api:{basename}-detail", kwargs={kwarg: item[field]})
