"""Workshop ballots: each participant ranks the plan's priority areas once."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masterplan.models import BallotRank, PriorityArea, WorkshopParticipant


class BallotRefused(Exception):
    pass


@transaction.atomic
def ballot_submit(*, participant: WorkshopParticipant, ranking: list[int]) -> None:
    """Store a participant's ranking (area ids, best first), replacing an earlier one.

    Guarantees: the ranking names every priority area of the workshop's plan exactly once; the
    ballot must be open; otherwise BallotRefused and nothing changes.
    """
    participant = (
        WorkshopParticipant.objects.select_for_update()
        .select_related("workshop")
        .get(pk=participant.pk)
    )
    if not participant.workshop.ballot_open:
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
