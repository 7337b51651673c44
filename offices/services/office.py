from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from offices.models import Office, OfficeStatusChange
from offices.services.errors import OfficeError
from offices.services.notify import board_users
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue_for_user


def office_status_change(*, office: Office, to: str, by: User, reason: str) -> OfficeStatusChange:
    """Move an office to status `to` if the state machine allows it, recording who, when and why.

    Guarantees: the office row is locked, its current status checked against
    `Office.TRANSITIONS`, a reason is required; on refusal nothing changes. Becoming active for
    the first time sets the founding date if it is empty; the board is told (in its language).
    """
    reason = (reason or "").strip()
    if not reason:
        raise OfficeError(_("Give a reason for the change of status."))
    with transaction.atomic():
        locked = Office.objects.select_for_update().get(pk=office.pk)
        if to not in Office.TRANSITIONS[Office.Status(locked.status)]:
            raise OfficeError(
                _("An office cannot go from “%(from)s” to “%(to)s”.")
                % {
                    "from": Office.Status(locked.status).label,
                    "to": Office.Status(to).label if to in Office.Status.values else to,
                }
            )
        change = OfficeStatusChange.objects.create(
            office=locked,
            from_status=locked.status,
            to_status=to,
            changed_by=by,
            changed_at=timezone.now(),
            reason=reason,
        )
        locked.status = to
        fields = ["status"]
        if to == Office.Status.ACTIVE and locked.founded_on is None:
            locked.founded_on = timezone.localdate()
            fields.append("founded_on")
        locked._change_reason = reason
        locked.save(update_fields=fields)
        for user in board_users(locked):
            mail_enqueue_for_user(
                user,
                key=f"offices:status-change:{change.pk}:{user.pk}",
                template="offices/status_change",
                context={
                    "office": locked.name,
                    "office_id": locked.pk,
                    "from_status": change.from_status,
                    "to_status": change.to_status,
                    "reason": reason,
                },
            )
    office.status, office.founded_on = locked.status, locked.founded_on
    return change
