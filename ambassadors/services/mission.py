"""The yearly mission statement and the ambassadors' reports on their personal goals."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ambassadors.models import Ambassador, MissionStatement, PersonalGoal
from ambassadors.services import ProgrammeError
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue, outbox_schedule


@transaction.atomic
def mission_statement_publish(*, statement: MissionStatement, by: User) -> int:
    """Publish a draft statement and mail every active ambassador in their language.

    Guarantees: a statement is published once; each active ambassador gets one mail (the key
    is per year and ambassador), delivered in batches after commit. Returns the number of mails.
    """
    statement = MissionStatement.objects.select_for_update().get(pk=statement.pk)
    if statement.status != MissionStatement.Status.DRAFT:
        raise ProgrammeError(_("This mission statement is already published."))
    statement.status = MissionStatement.Status.PUBLISHED
    statement.published_at = timezone.now()
    statement.published_by = by
    statement.save(update_fields=["status", "published_at", "published_by"])
    recipients = Ambassador.objects.filter(
        status=Ambassador.Status.ACTIVE, user__is_active=True
    ).select_related("user")
    ids = [
        mail_enqueue(
            key=f"ambassadors:mission:{statement.year}:{ambassador.pk}",
            to=ambassador.user.email,
            user=ambassador.user,
            language=ambassador.user.preferred_language,
            template="ambassadors/mission_statement",
            context={"name": ambassador.user.get_short_name(), "year": statement.year},
            send=False,
        ).pk
        for ambassador in recipients.iterator(chunk_size=500)
    ]
    batch = settings.OUTBOX_BATCH_SIZE
    for start in range(0, len(ids), batch):
        outbox_schedule(ids[start : start + batch])
    return len(ids)


def goal_report(*, goal: PersonalGoal, text: str) -> PersonalGoal:
    """Store the ambassador's progress report on a personal goal (it may be updated later)."""
    text = text.strip()
    if not text:
        raise ProgrammeError(_("Please write a few words on your progress."))
    goal.progress_report = text
    goal.reported_at = timezone.now()
    goal.save(update_fields=["progress_report", "reported_at"])
    return goal
