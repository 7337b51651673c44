"""The participatory workshop: results and the participants' ranking ballots."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from masterplan.models import BallotRank, Plan, PriorityArea, Workshop, WorkshopParticipant
from masterplan.parsing import whole_number
from masterplan.selectors import workshop_ranking
from masterplan.services.workshop import BallotRefused, ballot_submit


@require_GET
def workshop(request, pk: int):
    item = get_object_or_404(Workshop.objects.select_related("plan"), pk=pk)
    if item.plan.status != Plan.Status.ADOPTED and not request.user.has_perm(
        "masterplan.view_workshop"
    ):
        raise Http404(_("The results of this workshop are not public yet."))
    rows, ballots = workshop_ranking(workshop=item)
    participants = item.participants.select_related("city")
    return render(
        request,
        "masterplan/workshop.html",
        {
            "workshop": item,
            "rows": rows,
            "ballots": ballots,
            "participants": participants,
            "positions": range(1, len(rows) + 1),
            "ties": any(row.shared for row in rows),
        },
    )


@require_http_methods(["GET", "POST"])
def ballot(request, token: str):
    participant = (
        WorkshopParticipant.objects.select_related("workshop__plan").filter(token=token).first()
    )
    if participant is None:
        # the same friendly page as a bad expert link, not Django's bare 404
        return render(
            request,
            "masterplan/expert_refused.html",
            {
                "title": _("Rank the priority areas"),
                "reason": _("This link is not valid."),
            },
            status=404,
        )
    areas = list(PriorityArea.objects.filter(plan=participant.workshop.plan_id))
    current = dict(
        BallotRank.objects.filter(participant=participant).values_list("area_id", "rank")
    )
    if request.method == "POST":
        chosen: dict[int, int] = {}
        for area in areas:
            rank = whole_number(request.POST.get(f"rank-{area.pk}"))
            if rank is not None:
                chosen[area.pk] = rank
                current[area.pk] = rank
        ranking = [pk for pk, _rank in sorted(chosen.items(), key=lambda item: item[1])]
        valid_ranks = sorted(chosen.values()) == list(range(1, len(areas) + 1))
        try:
            if not valid_ranks:
                raise BallotRefused(
                    _("Please give each priority area a different rank from 1 to %(n)s.")
                    % {"n": len(areas)}
                )
            ballot_submit(participant=participant, ranking=ranking)
        except BallotRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: your ranking has been saved."))
            return redirect("masterplan:ballot", token=token)
    for area in areas:
        area.current_rank = current.get(area.pk)
    return render(
        request,
        "masterplan/ballot.html",
        {
            "participant": participant,
            "workshop": participant.workshop,
            "accepts": participant.workshop.ballot_accepts,
            "areas": areas,
            "positions": range(1, len(areas) + 1),
        },
    )
