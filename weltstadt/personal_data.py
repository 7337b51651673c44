"""Data protection requests: a person's data as machine-readable JSON (GDPR art. 15/20) and its
erasure (art. 17), for bulletin subscribers and ambassadors, done by staff from the admin.

What the law makes us keep stays, and the export says so: an ambassador's certificate (number,
holder's name as issued, dates, its PDF and history) is a public record that verification links
and the register of titles depend on, and the modules completed that it was awarded for; the
ambassador row remains as the certificate's anchor, without any personal detail.
"""

import json

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weltstadt.models import OutgoingMail

KEPT_BY_LAW = {
    "ambassador": gettext_lazy(
        "Kept by law: the certificate (number, holder's name as issued, dates, PDF and its "
        "history) and the modules completed that it was awarded for."
    ),
    "subscriber": "",
}


def _records(objects) -> list[dict]:
    return serializers.serialize("python", [o for o in objects if o is not None])


def _mails_to(email: str):
    return OutgoingMail.objects.filter(to__iexact=email)


def _as_json(kind: str, records: list[dict]) -> str:
    document = {
        "kind": kind,
        "exported_at": timezone.now(),
        "kept_by_law_after_erasure": str(KEPT_BY_LAW[kind]),
        "records": records,
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def subscriber_export(subscriber) -> str:
    objects = [subscriber, *subscriber.events.all(), *_mails_to(subscriber.email)]
    return _as_json("subscriber", _records(objects))


@transaction.atomic
def subscriber_erase(subscriber) -> None:
    """Nothing of a subscriber is kept: the row, its events, its history and the mails to it."""
    pk = subscriber.pk
    _mails_to(subscriber.email).delete()
    subscriber.delete()
    # every version, and the last one the deletion itself wrote, holds the address
    type(subscriber).history.filter(id=pk).delete()


def _ambassador_parts(ambassador):
    from ambassadors.models import Application

    user = ambassador.user
    applications = Application.objects.filter(email__iexact=user.email)
    return {
        "user": user,
        "ambassador": ambassador,
        "applications": list(applications),
        "evidence": list(ambassador.evidence.all()),
        "activities": list(ambassador.activities.all()),
        "goals": list(ambassador.goals.all()),
        "completions": list(ambassador.completions.all()),
        "certificate": getattr(ambassador, "certificate", None),
    }


def ambassador_export(ambassador) -> str:
    parts = _ambassador_parts(ambassador)
    objects = [
        parts["user"],
        parts["ambassador"],
        *parts["applications"],
        *parts["evidence"],
        *parts["activities"],
        *parts["goals"],
        *parts["completions"],
        parts["certificate"],
        *_mails_to(parts["user"].email),
    ]
    records = _records(objects)
    for record in records:
        record["fields"].pop("password", None)
    return _as_json("ambassador", records)


@transaction.atomic
def ambassador_erase(ambassador) -> None:
    """Everything personal goes; the certificate and the completed modules stay (KEPT_BY_LAW)."""
    from allauth.account.models import EmailAddress

    parts = _ambassador_parts(ambassador)
    user = parts["user"]
    _mails_to(user.email).delete()
    for evidence in parts["evidence"]:
        if evidence.document:
            evidence.document.delete(save=False)
    for kind in ("applications", "evidence", "activities", "goals"):
        for obj in parts[kind]:
            pk, model = obj.pk, type(obj)
            obj.delete()
            # every version, and the last one the deletion itself wrote, holds the text
            if hasattr(model, "history"):
                model.history.filter(id=pk).delete()
    if ambassador.photo:
        ambassador.photo.delete(save=False)
    type(ambassador).objects.filter(pk=ambassador.pk).update(
        photo="", bio="", city="", organisation="", public_profile=False, application=None
    )
    ambassador.history.all().delete()
    EmailAddress.objects.filter(user=user).delete()
    user.history.all().delete()
    type(user).objects.filter(pk=user.pk).update(
        email=f"erased-{user.pk}@invalid.example",
        name=_("Erased person"),
        is_active=False,
        password="!",
    )
