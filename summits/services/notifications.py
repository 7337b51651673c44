"""The summit's mail, always rendered in the recipient's language, through the outbox."""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from summits.models import Delegation, Registration, Summit
from weltstadt.dates import date_local
from weltstadt.outbox import mail_enqueue, outbox_schedule

REMINDER_DAYS_BEFORE = 3


def _summit_context(summit: Summit, language: str) -> dict:
    with translation.override(language):
        return {
            "summit_title": summit.title,
            "summit_edition": summit.edition,
            "summit_dates": _date_range(summit.start_date, summit.end_date),
            "summit_venue": summit.venue,
            "summit_address": summit.address,
            "summit_city": summit.host_city.name,
            "summit_path": reverse("summits:detail", kwargs={"slug": summit.slug}),
        }


def _date_range(start: date, end: date) -> str:
    if start == end:
        return date_local(start)
    return f"{date_local(start)} – {date_local(end)}"


def registration_context(registration: Registration) -> dict:
    language = registration.language
    with translation.override(language):
        return {
            **_summit_context(registration.summit, language),
            "name": registration.name,
            "role": str(registration.get_role_display()),
            "status": registration.status,
            "waiting_position": registration.waiting_position,
            "manage_path": reverse(
                "summits:registration_manage", kwargs={"token": registration.manage_token}
            ),
        }


# Mails that give someone a place carry the summit as a calendar file.
WITH_CALENDAR = {"confirmed", "promoted"}


def registration_mail(registration: Registration, *, kind: str, key: str | None = None) -> None:
    """Mail a registrant about their registration (`kind` names the template)."""
    from summits.ical import summit_calendar_file

    attachments = []
    if kind in WITH_CALENDAR:
        attachments.append(
            summit_calendar_file(summit=registration.summit, language=registration.language)
        )
    mail_enqueue(
        key=key or f"summits:registration:{registration.pk}:{kind}",
        to=registration.email,
        template=f"summits/registration_{kind}",
        language=registration.language,
        context=registration_context(registration),
        attachments=attachments,
    )


def delegation_confirm_mail(delegation: Delegation) -> None:
    """Ask the head of delegation, in their language, to confirm the delegation by its link."""
    language = delegation.head_language
    with translation.override(language):
        context = {
            **_summit_context(delegation.summit, language),
            "name": delegation.head_name,
            "city": delegation.city.name,
            "delegation_path": reverse(
                "summits:delegation_manage", kwargs={"token": delegation.token}
            ),
            "members": [
                {"name": r.name, "role": str(r.get_role_display())}
                for r in delegation.registrations.order_by("pk")
            ],
        }
    mail_enqueue(
        key=f"summits:delegation:{delegation.pk}:confirm",
        to=delegation.head_email,
        template="summits/delegation_confirm",
        language=language,
        context=context,
    )


def delegation_mail(delegation: Delegation, *, added: list[Registration]) -> None:
    """Tell the head of delegation whom they registered and where to manage the delegation."""
    language = delegation.head_language
    with translation.override(language):
        context = {
            **_summit_context(delegation.summit, language),
            "name": delegation.head_name,
            "city": delegation.city.name,
            "delegation_path": reverse(
                "summits:delegation_manage", kwargs={"token": delegation.token}
            ),
            "members": [
                {"name": r.name, "role": str(r.get_role_display()), "status": r.status}
                for r in added
            ],
        }
    ids = ",".join(str(r.pk) for r in added)
    mail_enqueue(
        key=f"summits:delegation:{delegation.pk}:added:{ids}",
        to=delegation.head_email,
        template="summits/delegation_registered",
        language=language,
        context=context,
    )


def summit_reminders_send(*, today: date | None = None) -> int:
    """Remind confirmed participants of summits starting within REMINDER_DAYS_BEFORE days.

    Idempotent: each participant is reminded once per summit whatever the number of runs.
    Returns the number of new reminders.
    """
    from django.utils import timezone

    today = today or timezone.localdate()
    summits = Summit.objects.filter(
        status__in=[Summit.Status.OPEN, Summit.Status.CLOSED],
        start_date__gt=today,
        start_date__lte=today + timedelta(days=REMINDER_DAYS_BEFORE),
    ).select_related("host_city")
    created = 0
    for summit in summits:
        registrations = summit.registrations.filter(
            status=Registration.Status.CONFIRMED
        ).select_related("summit__host_city")
        with transaction.atomic():
            new_ids = []
            for registration in registrations:
                mail = mail_enqueue(
                    key=f"summits:registration:{registration.pk}:reminder",
                    to=registration.email,
                    template="summits/reminder",
                    language=registration.language,
                    context=registration_context(registration),
                    send=False,
                )
                if mail.status == mail.Status.PENDING and mail.attempts == 0:
                    new_ids.append(mail.pk)
            _schedule_in_batches(new_ids)
            created += len(new_ids)
    return created


def _schedule_in_batches(ids: list[int]) -> None:
    size = settings.OUTBOX_BATCH_SIZE
    for start in range(0, len(ids), size):
        outbox_schedule(ids[start : start + size])


def summit_message_send(
    *,
    summit: Summit,
    subject: str,
    body: str,
    statuses: list[str],
    message_id: str | None = None,
) -> int:
    """Mail a staff message to the summit's participants with the given statuses.

    The greeting and footer are in each recipient's language; `message_id` makes a resubmitted
    form send nothing twice. Returns the number of recipients.
    """
    message_id = message_id or uuid.uuid4().hex
    registrations = summit.registrations.filter(status__in=statuses).select_related(
        "summit__host_city"
    )
    with transaction.atomic():
        ids = []
        for registration in registrations:
            mail = mail_enqueue(
                key=f"summits:message:{message_id}:{registration.pk}",
                to=registration.email,
                template="summits/message",
                language=registration.language,
                context={
                    **registration_context(registration),
                    "subject": subject,
                    "body": body,
                },
                send=False,
            )
            ids.append(mail.pk)
        _schedule_in_batches(ids)
    return len(ids)
