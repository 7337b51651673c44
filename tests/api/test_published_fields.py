"""The API shows only what the published allow-list names, and never a private value.

Walks every list (every page) and every object's detail, in every language, on the demo content
and on factory data with private things filled in beside the public ones; every JSON object in a
response must have exactly the keys of one published shape (api/published_fields.py), and no
e-mail address, link token, undecided funding amount, draft or unpublished text may appear.
"""

import pytest
from django.apps import apps
from django.db import models

from api import published_fields
from tests.api.conftest import detail_url, list_url, resources
from tests.api.world import PRIVATE_MARKS, api_world
from weltstadt.demo import demo_seed_all

pytestmark = pytest.mark.django_db

SHAPES = {frozenset(keys): name for name, keys in published_fields.ALL.items()}
# the same shape with the optional `invalid_params`, and the progress of an objective
OPTIONAL = {"invalid_params", "counted", "measured"}
TOKEN_FIELDS = {"token", "manage_token", "checkin_code", "key_hash", "secret"}
PROJECT_APPS = {"weltstadt", "ambassadors", "offices", "newsletter", "summits", "masterplan"}


def private_values() -> set[str]:
    """Every e-mail address and link token in the database, and the world's private marks."""
    values = set(PRIVATE_MARKS)
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            secret = isinstance(field, models.EmailField) or field.name in TOKEN_FIELDS
            if not secret or field.name.startswith("history_"):
                continue
            for value in model._default_manager.values_list(field.name, flat=True):
                if value and len(str(value)) >= 6:
                    values.add(str(value))
    return values


def unknown_shapes(data, path="$") -> list[str]:
    problems = []
    if isinstance(data, dict):
        keys = frozenset(data)
        if keys not in SHAPES and not any(
            keys <= shape and shape - keys <= OPTIONAL for shape in SHAPES
        ):
            problems.append(f"{path}: keys {sorted(keys)} are no published shape")
        for key, value in data.items():
            problems += unknown_shapes(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            problems += unknown_shapes(value, f"{path}[{index}]")
    return problems


def walk(client, lang: str):
    """(url, response) of every list page and every object's detail."""
    for basename, viewset in resources():
        url = f"{list_url(basename)}?lang={lang}&page_size=200"
        while url:
            response = client.get(url)
            assert response.status_code == 200, url
            yield url, response
            body = response.json()
            for item in body["results"]:
                detail = f"{detail_url(basename, viewset, item)}?lang={lang}"
                answer = client.get(detail)
                if "url" in item and item["url"] is None:
                    # an office that is not active: listed, without a page or a detail
                    assert answer.status_code == 404, detail
                    continue
                assert answer.status_code == 200, detail
                yield detail, answer
            url = body["next"]


@pytest.fixture
def everything(db):
    demo_seed_all()
    api_world(1)
    api_world(2)


def test_no_field_off_the_allow_list_and_no_private_value(client, everything):
    secrets = private_values()
    assert len(secrets) > 20  # the scan found the addresses and tokens it looks for
    problems, seen = [], 0
    for lang in ("de", "tr"):
        for url, response in walk(client, lang):
            seen += 1
            problems += [f"{url} {problem}" for problem in unknown_shapes(response.json())]
            text = response.content.decode()
            problems += [f"{url} shows {value!r}" for value in secrets if value in text]
    assert problems == []
    assert seen > 120


def test_the_allow_list_is_what_serializers_use():
    """Each serializer's fields are one list of published_fields, never '__all__'."""
    from api.serializers import bulletin, followup, masterplan, offices, places, summits

    lists = [list(value) for value in published_fields.ALL.values()]
    checked = 0
    for module in (bulletin, followup, masterplan, offices, places, summits):
        for value in vars(module).values():
            meta = getattr(value, "Meta", None)
            if isinstance(value, type) and meta is not None and hasattr(meta, "fields"):
                assert meta.fields in lists, value
                checked += 1
    assert checked >= 25
