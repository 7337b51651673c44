"""Workshop ballots: each participant ranks the plan's priority areas once."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from masterplan.models import BallotRank, PriorityArea, Workshop, WorkshopParticipant
from weltstadt.outbox import mail_enqueue


class BallotRefused(Exception):
    pass


@transaction.atomic
def ballot_submit(*, participant: WorkshopParticipant, ranking: list[int]) -> None:
    """Store a participant's ranking (area ids, best first), replacing an earlier one.

    Guarantees: the ranking names every priority area of the workshop's plan exactly once; the
    ballot must accept rankings (open, not past its closing day, plan not adopted); otherwise
    BallotRefused and nothing changes.
    """
    participant = (
        WorkshopParticipant.objects.select_for_update()
        .select_related("workshop__plan")
        .get(pk=participant.pk)
    )
    if not participant.workshop.ballot_accepts:
        raise BallotRefused(_("The ranking of this workshop is closed."))
    area_ids = set(
        PriorityArea.objects.filter(plan_id=participant.workshop.plan_id).values_list(
            "pk", flat=True
        )
    )
    if len(ranking) != len(set(ranking)):
        raise BallotRefused(_("Each rank can be given to one priority area only."))
    if set(ranking) != area_ids:
        raise BallotRefused(_("Please give every priority area a rank."))
    BallotRank.objects.filter(participant=participant).delete()
    BallotRank.objects.bulk_create(
        BallotRank(participant=participant, area_id=area_id, rank=position)
        for position, area_id in enumerate(ranking, start=1)
    )
    WorkshopParticipant.objects.filter(pk=participant.pk).update(voted_at=timezone.now())


def ballot_links_send(*, workshop: Workshop) -> int:
    """Mail each participant with an address their personal ranking link, in their language.

    Through the outbox, once per participant (the key makes a second run send nothing new).
    Returns how many mails were written.
    """
    sent = 0
    with transaction.atomic():
        participants = workshop.participants.exclude(email="").filter(link_mailed_at=None)
        for participant in participants.select_for_update():
            with translation.override(participant.language):
                path = reverse("masterplan:ballot", kwargs={"token": participant.token})
            mail_enqueue(
                key=f"masterplan-ballot-link-{participant.pk}",
                to=participant.email,
                template="masterplan/ballot_link",
                language=participant.language,
                context={
                    "name": participant.name,
                    "workshop_title": _workshop_title(workshop, participant.language),
                    "path": path,
                    "closes": workshop.ballot_closes_on.isoformat()
                    if workshop.ballot_closes_on
                    else "",
                },
            )
            WorkshopParticipant.objects.filter(pk=participant.pk).update(
                link_mailed_at=timezone.now()
            )
            sent += 1
    return sent


def _workshop_title(workshop: Workshop, language: str) -> str:
    with translation.override(language):
        return str(workshop.title)


def ballots_close_for_plan(*, plan_id: int) -> int:
    """Close every workshop ranking of a plan (called when the plan is adopted)."""
    return Workshop.objects.filter(plan_id=plan_id, ballot_open=True).update(ballot_open=False)
