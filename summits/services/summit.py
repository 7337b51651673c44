"""The summit's life cycle and its outcomes.

Guarantees: a summit moves only along draft → open → closed → held → archived (and back from
closed to open), each move recording who and when; a follow-up action's status changes record who
and when; PDF rendering is enqueued only after the change commits.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from summits.models import Declaration, FollowUpAction, Summit
from summits.services.errors import SummitError
from weltstadt.enqueue import enqueue_on_commit
from weltstadt.models import User

S = Summit.Status
TRANSITIONS = {
    S.DRAFT: {S.OPEN},
    S.OPEN: {S.CLOSED},
    S.CLOSED: {S.OPEN, S.HELD},
    S.HELD: {S.ARCHIVED},
    S.ARCHIVED: set(),
}


def summit_transition(*, summit: Summit, to: str, by: User | None) -> Summit:
    """Move a summit to status `to` if the life cycle allows it from its current status."""
    with transaction.atomic():
        locked = Summit.objects.select_for_update().get(pk=summit.pk)
        if to not in TRANSITIONS[locked.status]:
            raise SummitError(
                _("A summit cannot go from “%(old)s” to “%(new)s”.")
                % {"old": locked.get_status_display(), "new": S(to).label}
            )
        locked.status = to
        locked.status_changed_at = timezone.now()
        locked.status_changed_by = by
        locked.save(update_fields=["status", "status_changed_at", "status_changed_by"])
    summit.status, summit.status_changed_at = locked.status, locked.status_changed_at
    summit.status_changed_by = by
    return summit


def follow_up_set_status(*, action: FollowUpAction, status: str, by: User | None) -> None:
    """Record the progress of a follow-up action."""
    if status not in FollowUpAction.Status.values:
        raise SummitError(_("Unknown status."))
    action.status = status
    action.status_changed_at = timezone.now()
    action.status_changed_by = by
    action.save(update_fields=["status", "status_changed_at", "status_changed_by"])


def declaration_pdf_schedule(*, declaration: Declaration) -> None:
    """Render the declaration as PDF in every language once the current change commits."""
    from summits.tasks import pdf_declaration

    enqueue_on_commit(pdf_declaration, declaration.pk)


def badges_schedule(*, summit: Summit) -> None:
    """Render every confirmed participant's badge and the printing sheet on the pdf queue, after
    commit; `badges_requested_at` marks the run whose progress the admin shows."""
    from summits.tasks import pdf_summit_badges

    summit.badges_requested_at = timezone.now()
    Summit.objects.filter(pk=summit.pk).update(badges_requested_at=summit.badges_requested_at)
    enqueue_on_commit(pdf_summit_badges, summit.pk)
