"""Expert consultation: personal links without password, comments, moderation."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from masterplan.models import ExpertComment, ExpertInvitation, Plan, PriorityArea, Strategy
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue

COMMENTABLE = {Plan.Status.DRAFT, Plan.Status.CONSULTATION}
MAX_COMMENT_LENGTH = 5000


class ConsultationRefused(Exception):
    """A clear, translated reason why an expert's request is refused; nothing was changed."""


def expert_link_path(invitation: ExpertInvitation, *, language: str) -> str:
    with translation.override(language):
        return reverse("masterplan:expert_home", kwargs={"token": invitation.token})


@transaction.atomic
def expert_invite(
    *,
    plan: Plan,
    name: str,
    affiliation: str,
    field: str,
    email: str,
    language: str,
    by: User | None,
    valid_days: int = 30,
    expires_at=None,
) -> ExpertInvitation:
    """Invite an expert: a personal link that expires, mailed once in the expert's language."""
    invitation = ExpertInvitation.objects.create(
        plan=plan,
        name=name,
        affiliation=affiliation,
        field=field,
        email=email.strip().lower(),
        language=language,
        expires_at=expires_at or timezone.now() + timedelta(days=valid_days),
        invited_by=by,
    )
    mail_enqueue(
        key=f"masterplan-expert-invitation-{invitation.pk}",
        to=invitation.email,
        template="masterplan/expert_invitation",
        language=language,
        context={
            "name": invitation.name,
            "plan_title": str(plan.title),
            "path": expert_link_path(invitation, language=language),
            "expires": invitation.expires_at.date().isoformat(),
        },
    )
    return invitation


def invitation_revoke(*, invitation: ExpertInvitation, by: User | None) -> bool:
    """Revoke the link; its comments stay. Returns False if it was revoked already."""
    changed = ExpertInvitation.objects.filter(pk=invitation.pk, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    invitation.refresh_from_db(fields=["revoked_at"])
    return bool(changed)


def invitation_for_token(token: str) -> ExpertInvitation:
    """The invitation behind a personal link, or ConsultationRefused with the reason."""
    invitation = (
        ExpertInvitation.objects.select_related("plan").filter(token=token).first()
        if token
        else None
    )
    if invitation is None:
        raise ConsultationRefused(_("This link is not valid."))
    if invitation.revoked_at:
        raise ConsultationRefused(_("This link has been revoked by the association."))
    if invitation.is_expired:
        raise ConsultationRefused(
            _("This link has expired. Please ask the association for a new one.")
        )
    return invitation


def _check_open(invitation: ExpertInvitation) -> None:
    # Re-read under lock: a revocation or an adoption in the meantime wins.
    current = ExpertInvitation.objects.select_for_update().select_related("plan")
    current = current.get(pk=invitation.pk)
    invitation_for_token(current.token)
    if current.plan.status not in COMMENTABLE:
        raise ConsultationRefused(_("The consultation on this plan is closed."))


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ConsultationRefused(_("Please write a comment."))
    if len(text) > MAX_COMMENT_LENGTH:
        raise ConsultationRefused(
            _("A comment can have at most %(n)s characters.") % {"n": MAX_COMMENT_LENGTH}
        )
    return text


@transaction.atomic
def expert_comment_create(
    *, invitation: ExpertInvitation, target: PriorityArea | Strategy, text: str
) -> ExpertComment:
    """A new comment on an area or strategy of the invitation's plan, waiting for moderation."""
    _check_open(invitation)
    text = _clean_text(text)
    plan_id = target.plan_id if isinstance(target, PriorityArea) else target.area.plan_id
    if plan_id != invitation.plan_id:
        raise ConsultationRefused(_("This part does not belong to the plan you were invited to."))
    kind = "area" if isinstance(target, PriorityArea) else "strategy"
    return ExpertComment.objects.create(invitation=invitation, text=text, **{kind: target})


@transaction.atomic
def expert_comment_update(
    *, invitation: ExpertInvitation, comment_id: int, text: str
) -> ExpertComment:
    """Change one's own comment while it waits for moderation; anyone else's is refused."""
    _check_open(invitation)
    text = _clean_text(text)
    comment = (
        ExpertComment.objects.select_for_update()
        .filter(pk=comment_id, invitation=invitation)
        .first()
    )
    if comment is None:
        raise ConsultationRefused(_("This comment is not one of yours."))
    if comment.moderation != ExpertComment.Moderation.PENDING:
        raise ConsultationRefused(
            _("This comment has been moderated and can no longer be changed.")
        )
    comment.text = text
    comment.save(update_fields=["text", "updated_at"])
    return comment


def comment_moderate(*, comment: ExpertComment, approve: bool, by: User) -> ExpertComment:
    """Approve or reject a comment; a comment taken up stays approved."""
    if comment.taken_up and not approve:
        raise ConsultationRefused(_("A comment that was taken up cannot be rejected."))
    comment.moderation = (
        ExpertComment.Moderation.APPROVED if approve else ExpertComment.Moderation.REJECTED
    )
    comment.moderated_by, comment.moderated_at = by, timezone.now()
    comment.save(update_fields=["moderation", "moderated_by", "moderated_at", "updated_at"])
    return comment


def comment_take_up(*, comment: ExpertComment, by: User) -> ExpertComment:
    """Mark an approved comment as taken up into the plan.

    State machine: pending → approved | rejected; approved → taken up. A comment still waiting
    for moderation (or rejected) is refused: it must be read and approved first.
    """
    if comment.moderation == ExpertComment.Moderation.REJECTED:
        raise ConsultationRefused(_("A rejected comment cannot be taken up."))
    if comment.moderation != ExpertComment.Moderation.APPROVED:
        raise ConsultationRefused(_("A comment must be approved before it can be taken up."))
    comment.taken_up, comment.taken_up_by, comment.taken_up_at = True, by, timezone.now()
    comment.save(update_fields=["taken_up", "taken_up_by", "taken_up_at", "updated_at"])
    return comment
