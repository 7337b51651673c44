from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masterplan.models import Plan, PlanVersion
from search.services import reindex_on_commit
from weltstadt.models import User

Status = Plan.Status

TRANSITIONS = {
    Status.DRAFT: {Status.CONSULTATION},
    Status.CONSULTATION: {Status.DRAFT, Status.ADOPTED},
    Status.ADOPTED: set(),
}


class PlanTransitionError(Exception):
    pass


@transaction.atomic
def plan_status_change(*, plan: Plan, to: str, by: User | None, summary: str) -> PlanVersion:
    """Move the plan draft → consultation → adopted (or back to draft from consultation).

    Guarantees: the move happens only from the status the plan has in the database (locked row),
    records who and when, and adds a new numbered version with the summary of changes; adoption
    closes the plan's workshop rankings. A move
    that is not allowed raises PlanTransitionError and changes nothing.
    """
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if to not in TRANSITIONS[Status(locked.status)]:
        raise PlanTransitionError(
            _("A plan cannot go from “%(current)s” to “%(new)s”.")
            % {"current": Status(locked.status).label, "new": Status(to).label}
        )
    now = timezone.now()
    Plan.objects.filter(pk=plan.pk).update(status=to, status_changed_at=now, status_changed_by=by)
    plan.status, plan.status_changed_at, plan.status_changed_by = to, now, by
    # adoption makes the plan's objectives and indicators public (and findable)
    reindex_on_commit(plan)
    if to == Status.ADOPTED:
        from masterplan.services.workshop import ballots_close_for_plan

        ballots_close_for_plan(plan_id=plan.pk)
    last = locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return PlanVersion.objects.create(
        plan=plan,
        number=last + 1,
        date=timezone.localdate(),
        summary=summary,
        status=to,
        created_by=by,
    )
