import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from masterplan.models.plan import Plan, PriorityArea, Strategy


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class ExpertInvitation(models.Model):
    """An expert's personal link: no password, valid until it expires or staff revoke it."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="invitations"
    )
    name = models.CharField(_("name"), max_length=150)
    affiliation = models.CharField(_("affiliation"), max_length=200)
    field = models.CharField(_("field of expertise"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert invitation")
        verbose_name_plural = _("expert invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "email"], name="masterplan_invitation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.affiliation})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def state(self) -> str:
        if self.revoked_at:
            return "revoked"
        return "expired" if self.is_expired else "valid"


class ExpertComment(models.Model):
    """An expert's comment on one priority area or one strategy of a plan."""

    class Moderation(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", pgettext_lazy("expert comment moderation", "Approved")
        REJECTED = "rejected", pgettext_lazy("expert comment moderation", "Rejected")

    invitation = models.ForeignKey(
        ExpertInvitation,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="expert_comments",
    )
    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("strategy"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="expert_comments",
    )
    text = models.TextField(_("comment"))
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.PENDING,
        editable=False,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    taken_up = models.BooleanField(_("taken up"), default=False, editable=False)
    taken_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken up by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_up_at = models.DateTimeField(_("taken up on"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expert comment")
        verbose_name_plural = _("expert comments")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(area__isnull=False, strategy__isnull=True)
                    | models.Q(area__isnull=True, strategy__isnull=False)
                ),
                name="masterplan_comment_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitation.name}: {self.target}"

    @property
    def target(self) -> PriorityArea | Strategy:
        return self.area or self.strategy
