"""Script put into every stored text a visitor or member can write comes back escaped.

Registration and delegation names, expert comments, ambassador profile, evidence and activities,
applications, office activity and annual reports and funding requests, subscriber notes and members'
display names are filled with a script payload; every public, member and staff page that shows
them (and every admin list, change form and history page of their models) must show it as text.
"""

import contextlib
import json

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests.ambassadors.factories import ApplicationFactory
from tests.security.world import build_world, member_urls, public_urls

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
NOT_TEXT = {"token", "manage_token", "code", "password"}
RAW_MARKERS = ("<script>alert(1)", "<img src=x onerror")


def _poison(instance) -> list[str]:
    """Every free-text field of `instance` set to the payload (written as a form would store it)."""
    names = []
    for f in instance._meta.concrete_fields:
        if not isinstance(f, models.CharField | models.TextField) or f.choices:
            continue
        if isinstance(f, models.EmailField | models.SlugField | models.URLField):
            continue
        if (f.max_length or 10_000) < len(PAYLOAD) or f.name in {
            "token",
            "manage_token",
            "code",
            "password",
        }:
            continue
        if not f.editable or f.name.endswith(("_en", "_tr", "_fr", "_it", "_es")):
            continue
        names.append(f.attname)
    type(instance).objects.filter(pk=instance.pk).update(**dict.fromkeys(names, PAYLOAD))
    return names


@pytest.fixture
def poisoned(db):
    world = build_world()
    from newsletter.models import Subscriber

    application = ApplicationFactory(cohort=world.alice.ambassador.cohort)
    objects = [
        world.alice.user,
        world.alice.ambassador,
        world.alice.objects["evidence"],
        world.alice.objects["activity"],
        world.alice.objects["goal"],
        world.alice.objects["highlight"],
        world.alice.objects["report"],
        world.alice.objects["funding"],
        world.registration,
        world.delegation,
        world.comment,
        application,
        Subscriber.objects.get(pk=world.subscriber.pk),
    ]
    poisoned_fields = {obj._meta.label: _poison(obj) for obj in objects}
    assert all(poisoned_fields.values()), poisoned_fields
    return world, objects


def _admin_pages(objects) -> list[str]:
    pages = []
    for obj in objects:
        model = type(obj)
        if model not in admin.site._registry:
            continue
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
        with contextlib.suppress(NoReverseMatch):
            pages.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
    return pages


def _check(client, url) -> bool:
    response = client.get(url)
    assert response.status_code in (200, 302, 404, 405), (url, response.status_code)
    if response.streaming:  # a private file: not HTML, nothing of the texts in it
        return False
    body = response.content.decode(errors="replace")
    if "json" in response.get("Content-Type", ""):
        # data for programs (the open-data API): the text as it was written, in a document no
        # browser renders as a page (JSON, with nosniff)
        json.loads(body)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert "html" not in response["Content-Type"], url
        return False
    for marker in RAW_MARKERS:
        assert marker not in body, f"{url} shows the payload unescaped"
    return ESCAPED in body


def test_stored_script_is_escaped_on_every_page_that_shows_it(poisoned, staff_user):
    world, objects = poisoned
    # reversed once: a request may leave another language active in this thread (a page
    # without a language prefix activates the default one)
    public, members = public_urls(world), member_urls(world.alice)
    shown = []
    visitor = Client()
    for url in public.values():
        if _check(visitor, url):
            shown.append(url)
    member = Client()
    member.force_login(world.alice.user)
    for url in members.values():
        if _check(member, url):
            shown.append(url)
    staff = Client()
    staff.force_login(staff_user)
    admin_pages = _admin_pages(objects)
    admin_pages.append(reverse("masterplan:consultation_summary", args=[world.plan.pk]))
    for url in admin_pages:
        if _check(staff, url):
            shown.append(url)
    # the pages really show the texts: a registration, the expert's page, the member area, the
    # board area and the admin of each model
    expected = [
        public["summits:registration_manage"],
        public["masterplan:expert_home"],
        members["ambassadors:activities"],
        members["ambassadors:evidence_new"],
        members["offices:board_office"],
        members["offices:board_request"],
        reverse("masterplan:consultation_summary", args=[world.plan.pk]),
        *[url for url in admin_pages if url.endswith("/change/")],
    ]
    missing = [url for url in expected if url not in shown]
    assert missing == []
    assert len(shown) >= 25
