"""A subscriber's and an ambassador's data: exported as JSON and erased by staff from the admin,
after a confirmation with the count; what the law keeps (the certificate) stays and is named."""

import json

import pytest
from django.urls import reverse

from ambassadors.certificates.models import Certificate
from ambassadors.models import Activity, Ambassador, Evidence
from newsletter.models import Subscriber
from tests.security.world import build_world
from weltstadt.models import User

pytestmark = pytest.mark.django_db


def _action(client, model: str, action: str, pks, **extra):
    url = reverse(f"admin:{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": pks, **extra})


def test_subscriber_export_and_erasure(staff_client):
    world = build_world()
    other = Subscriber.objects.create(email="other@example.org", language="tr")
    subscriber = world.subscriber
    response = _action(
        staff_client, "newsletter_subscriber", "subscriber_export_action", [subscriber.pk]
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    assert document["kind"] == "subscriber"
    emails = [r["fields"].get("email") for r in document["records"]]
    assert "reader@example.org" in emails

    confirm = _action(
        staff_client, "newsletter_subscriber", "subscriber_erase_action", [subscriber.pk]
    )
    assert confirm.status_code == 200
    assert "1" in confirm.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # nothing before confirming

    done = _action(
        staff_client,
        "newsletter_subscriber",
        "subscriber_erase_action",
        [subscriber.pk],
        confirmed="yes",
    )
    assert done.status_code == 302
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Subscriber.history.filter(email="reader@example.org").exists()
    assert Subscriber.objects.filter(pk=other.pk).exists()


def test_ambassador_export_and_erasure_keeps_the_certificate(staff_client):
    world = build_world()
    alice = world.alice
    response = _action(
        staff_client, "ambassadors_ambassador", "ambassador_export_action", [alice.ambassador.pk]
    )
    document = json.loads(response.content)
    models = {r["model"] for r in document["records"]}
    assert {"weltstadt.user", "ambassadors.ambassador", "ambassadors.evidence"} <= models
    assert "ambassadors.certificate" in models
    assert all("password" not in r["fields"] for r in document["records"])
    kept = document["kept_by_law_after_erasure"]
    assert "certificate" in kept or "Urkunde" in kept  # in the staff member's language

    confirm = _action(
        staff_client, "ambassadors_ambassador", "ambassador_erase_action", [alice.ambassador.pk]
    )
    assert kept in confirm.content.decode().replace("&#x27;", "'")
    _action(
        staff_client,
        "ambassadors_ambassador",
        "ambassador_erase_action",
        [alice.ambassador.pk],
        confirmed="yes",
    )
    user = User.objects.get(pk=alice.user.pk)
    assert user.email != "alice@example.org"
    assert "Alice" not in user.name
    assert not user.is_active
    assert not User.history.filter(email="alice@example.org").exists()
    assert not Evidence.objects.filter(ambassador=alice.ambassador).exists()
    assert not Evidence.history.filter(ambassador_id=alice.ambassador.pk).exists()
    assert not Activity.objects.filter(ambassador=alice.ambassador).exists()
    # kept by law
    certificate = Certificate.objects.get(pk=alice.objects["certificate"].pk)
    assert certificate.number == "2026-001"
    assert Ambassador.objects.filter(pk=alice.ambassador.pk).exists()
    # bob untouched
    assert User.objects.get(pk=world.bob.user.pk).email == "bob@example.org"
    assert Evidence.objects.filter(ambassador=world.bob.ambassador).exists()
