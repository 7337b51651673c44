"""Every staff role can do its whole job in the back-office.

For each role, on the demo content: every add and change page of its programme's admins answers,
shows every inline the admin declares (a missing permission hides an inline silently), and every
autocomplete those forms use answers 200 with results (a missing permission makes the select say
"The results could not be loaded", so a required field cannot be filled).
"""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from weltstadt.accounts import roles
from weltstadt.demo import demo_seed_all
from weltstadt.models import User

pytestmark = pytest.mark.django_db

ROLE_APPS = {
    roles.PROGRAMME_COORDINATOR: "ambassadors",
    roles.OFFICES_SUPERVISOR: "offices",
    roles.BULLETIN_EDITOR: "newsletter",
    roles.SUMMIT_ORGANISER: "summits",
    roles.MASTERPLAN_EDITOR: "masterplan",
}

AUTOCOMPLETE = re.compile(
    r'data-app-label="(?P<app>[^"]+)"\s+data-model-name="(?P<model>[^"]+)"\s+'
    r'data-field-name="(?P<field>[^"]+)"'
)


@pytest.fixture
def demo(run_on_commit):
    with run_on_commit():
        demo_seed_all()


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _pages(user, app_label):
    request = RequestFactory().get("/admin/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != app_label:
            continue
        if model_admin.has_add_permission(request):
            yield model, model_admin, _url(model, "add")
        obj = model_admin.get_queryset(request).order_by("pk").first()
        if obj is not None and model_admin.has_view_or_change_permission(request, obj):
            yield model, model_admin, _url(model, "change", obj.pk)


def _problems(client, model_admin, url):
    response = client.get(url)
    if response.status_code != 200:
        return [f"{url}: {response.status_code}"]
    problems = []
    shown = len(response.context_data.get("inline_admin_formsets", []))
    if shown != len(model_admin.inlines):
        problems.append(f"{url}: shows {shown} of {len(model_admin.inlines)} inlines")
    html = response.content.decode()
    used = {(m["app"], m["model"], m["field"]) for m in AUTOCOMPLETE.finditer(html)}
    for app_label, model_name, field_name in sorted(used):
        query = {"app_label": app_label, "model_name": model_name,
                 "field_name": field_name, "term": ""}  # fmt: skip
        answer = client.get(reverse("admin:autocomplete"), query)
        if answer.status_code != 200:
            problems.append(f"{url}: autocomplete {model_name}.{field_name}: {answer.status_code}")
        elif not answer.json()["results"]:
            problems.append(f"{url}: autocomplete {model_name}.{field_name}: no results")
    return problems


@pytest.mark.parametrize("role", list(ROLE_APPS))
def test_each_role_opens_every_form_of_its_programme_with_inlines_and_autocompletes(
    client, demo, role
):
    user = User.objects.filter(groups__name=role, is_superuser=False).first()
    assert user is not None, f"the demo has no {role}"
    client.force_login(user)
    pages = list(_pages(user, ROLE_APPS[role]))
    assert pages, f"{role} may open no page"
    problems = []
    for _model, model_admin, url in pages:
        problems += _problems(client, model_admin, url)
    assert not problems, "\n".join(problems)
