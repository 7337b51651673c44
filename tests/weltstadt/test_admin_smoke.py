"""Every back-office page a person can open answers, on the full demo content.

One test walks all registered admins (list, search, each filter, add form, a change form and its
history) as a superuser; another shows each staff role the admins of its own programme only.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from weltstadt.accounts import roles
from weltstadt.demo import demo_seed_all
from weltstadt.models import User

pytestmark = pytest.mark.django_db

# Each role's programme apps; core data (cities, partnerships) is for superusers.
ROLE_APPS = {
    roles.PROGRAMME_COORDINATOR: "ambassadors",
    roles.OFFICES_SUPERVISOR: "offices",
    roles.BULLETIN_EDITOR: "newsletter",
    roles.SUMMIT_ORGANISER: "summits",
    roles.MASTERPLAN_EDITOR: "masterplan",
}


@pytest.fixture
def demo(run_on_commit):
    with run_on_commit():
        demo_seed_all()


def _admin_url(model, view, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def test_every_admin_page_answers_on_the_demo_content(staff_client, demo):
    failures = []
    for model, model_admin in admin.site._registry.items():
        changelist = _admin_url(model, "changelist")
        pages = [changelist]
        if model_admin.search_fields:
            pages.append(f"{changelist}?q=İzmir")
        if model_admin.has_add_permission(_request(staff_client)):
            pages.append(_admin_url(model, "add"))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages += [_admin_url(model, "change", obj.pk), _admin_url(model, "history", obj.pk)]
        for url in pages:
            response = staff_client.get(url)
            if response.status_code != 200:
                failures.append(f"{url}: {response.status_code}")
        # each list filter, with its first choice applied
        response = staff_client.get(changelist)
        for spec in getattr(response, "context_data", {}).get("cl").filter_specs or []:
            for choice in list(spec.choices(response.context_data["cl"]))[1:2]:
                url = f"{changelist}{choice['query_string']}"
                status = staff_client.get(url).status_code
                if status != 200:
                    failures.append(f"{url}: {status}")
    assert failures == []


def _request(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(email="staff@example.org")
    return request


@pytest.mark.parametrize("role", list(ROLE_APPS))
def test_each_role_sees_the_admins_of_its_programme_only(client, demo, role):
    user = User.objects.filter(groups__name=role, is_superuser=False).first()
    assert user is not None, f"the demo has no {role}"
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    apps = {app["app_label"] for app in response.context_data["app_list"]}
    assert ROLE_APPS[role] in apps
    others = set(ROLE_APPS.values()) - {ROLE_APPS[role]}
    assert not apps & others, f"{role} sees {apps & others}"
    for model in admin.site._registry:
        if model._meta.app_label != ROLE_APPS[role]:
            continue
        url = _admin_url(model, "changelist")
        assert client.get(url).status_code in (200, 403), url
