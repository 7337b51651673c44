from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Declaration(models.Model):
    """What a summit's participants adopted together, in every language."""

    summit = models.OneToOneField(
        "summits.Summit",
        verbose_name=_("summit"),
        on_delete=models.CASCADE,
        related_name="declaration",
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    adopted_on = models.DateField(_("adopted on"))

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def __str__(self) -> str:
        return self.title

    def pdf_path(self, language: str) -> str:
        return f"summits/declarations/declaration-{self.pk}-{language}.pdf"


class FollowUpAction(models.Model):
    """A commitment made at a summit, tracked by staff afterwards.

    Other programmes (the master plan) refer to these through a generic relation, so the primary
    key and the model name are stable.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("follow-up action status", "Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", pgettext_lazy("follow-up action status", "Done")
        DROPPED = "dropped", pgettext_lazy("follow-up action status", "Dropped")

    summit = models.ForeignKey(
        "summits.Summit",
        verbose_name=_("summit"),
        on_delete=models.CASCADE,
        related_name="follow_up_actions",
    )
    what = models.CharField(_("what"), max_length=300)
    owner_city = models.ForeignKey(
        "weltstadt.City", verbose_name=_("owner city"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.PLANNED,
        editable=False,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.what

    def get_absolute_url(self) -> str:
        path = reverse("summits:detail", kwargs={"slug": self.summit.slug})
        return f"{path}#follow-up-{self.pk}"

    @property
    def is_public(self) -> bool:
        return self.summit.is_public
