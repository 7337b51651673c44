"""Progress through the modules: completions recorded by staff, evidence, the ambassador title."""

import datetime
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ambassadors.models import Ambassador, Evidence, Module, ModuleCompletion
from ambassadors.services import ProgrammeError
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue_for_user


@transaction.atomic
def completions_record(
    *,
    ambassadors: Iterable[Ambassador],
    module: Module,
    completed_on: datetime.date,
    by: User,
) -> int:
    """Record that each ambassador completed `module`; returns how many records are new.

    Guarantees: one completion per ambassador and module (recording twice keeps the first);
    ambassadors of another cohort than the module's are refused.
    """
    ambassadors = list(ambassadors)
    if completed_on > timezone.localdate():
        raise ProgrammeError(_("A module cannot be completed in the future."))
    strangers = [a for a in ambassadors if a.cohort_id != module.cohort_id]
    if strangers:
        raise ProgrammeError(
            _("%(names)s are not in the cohort of the module “%(module)s”.")
            % {"names": ", ".join(str(a) for a in strangers), "module": module}
        )
    before = ModuleCompletion.objects.filter(module=module).count()
    ModuleCompletion.objects.bulk_create(
        [
            ModuleCompletion(ambassador=a, module=module, completed_on=completed_on, recorded_by=by)
            for a in ambassadors
        ],
        ignore_conflicts=True,
    )
    return ModuleCompletion.objects.filter(module=module).count() - before


@transaction.atomic
def evidence_submit(
    *, ambassador: Ambassador, module: Module, text: str, document: UploadedFile | None = None
) -> Evidence:
    """File the ambassador's evidence for an implementation module of their cohort.

    Guarantees: one open submission per module at a time, none once the module is completed.
    """
    if module.cohort_id != ambassador.cohort_id or not module.needs_evidence:
        raise ProgrammeError(_("This module does not take evidence."))
    if ModuleCompletion.objects.filter(ambassador=ambassador, module=module).exists():
        raise ProgrammeError(_("You have already completed this module."))
    if not text.strip():
        raise ProgrammeError(_("Please describe what you did."))
    try:
        with transaction.atomic():
            return Evidence.objects.create(
                ambassador=ambassador, module=module, text=text.strip(), document=document or ""
            )
    except IntegrityError:
        raise ProgrammeError(
            _("Your evidence for this module is being reviewed; please wait for the answer.")
        ) from None


def _lock_open(evidence: Evidence) -> Evidence:
    locked = (
        Evidence.objects.select_for_update()
        .select_related("ambassador__user", "module")
        .get(pk=evidence.pk)
    )
    if locked.status != Evidence.Status.SUBMITTED:
        raise ProgrammeError(_("This evidence has already been reviewed."))
    return locked


@transaction.atomic
def evidence_approve(*, evidence: Evidence, by: User) -> ModuleCompletion:
    """Approve submitted evidence; the module counts as completed today.

    Guarantees: only submitted evidence is approved, once; the completion exists afterwards.
    """
    evidence = _lock_open(evidence)
    evidence.status = Evidence.Status.APPROVED
    evidence.reviewed_by = by
    evidence.reviewed_at = timezone.now()
    evidence.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    completion, _created = ModuleCompletion.objects.get_or_create(
        ambassador=evidence.ambassador,
        module=evidence.module,
        defaults={"completed_on": timezone.localdate(), "recorded_by": by},
    )
    _mail_review(evidence)
    return completion


@transaction.atomic
def evidence_return(*, evidence: Evidence, by: User, comment: str) -> Evidence:
    """Send submitted evidence back with a comment; the ambassador may then submit again."""
    comment = comment.strip()
    if not comment:
        raise ProgrammeError(_("Please tell the ambassador what to change."))
    evidence = _lock_open(evidence)
    evidence.status = Evidence.Status.RETURNED
    evidence.staff_comment = comment
    evidence.reviewed_by = by
    evidence.reviewed_at = timezone.now()
    evidence.save(update_fields=["status", "staff_comment", "reviewed_by", "reviewed_at"])
    _mail_review(evidence)
    return evidence


def _mail_review(evidence: Evidence) -> None:
    user = evidence.ambassador.user
    with translation.override(user.preferred_language):
        module_title = str(evidence.module.title)
    mail_enqueue_for_user(
        user,
        key=f"ambassadors:evidence:{evidence.pk}:{evidence.status}",
        template="ambassadors/evidence_reviewed",
        context={
            "name": user.get_short_name(),
            "module_id": evidence.module_id,
            "module": module_title,
            "approved": evidence.status == Evidence.Status.APPROVED,
            "comment": evidence.staff_comment,
        },
    )


@transaction.atomic
def ambassador_activate(*, ambassador: Ambassador, by: User) -> Ambassador:
    """Make a candidate an ambassador once every required module of the cohort is completed."""
    from ambassadors.selectors import progress_for

    ambassador = Ambassador.objects.select_for_update().get(pk=ambassador.pk)
    if ambassador.status != Ambassador.Status.CANDIDATE:
        raise ProgrammeError(
            _("%(name)s is not a candidate.") % {"name": ambassador.user.get_full_name()}
        )
    if not progress_for(ambassador).is_complete:
        raise ProgrammeError(
            _("%(name)s has not completed every required module yet.")
            % {"name": ambassador.user.get_full_name()}
        )
    ambassador.status = Ambassador.Status.ACTIVE
    ambassador.save(update_fields=["status"])
    return ambassador
