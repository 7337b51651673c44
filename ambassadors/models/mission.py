"""The yearly mission statement with the mayor's goals, and each ambassador's personal goals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ambassadors.models.members import Ambassador
from weltstadt.private_storage import get_private_storage


def _signature_path(instance, filename: str) -> str:
    return f"ambassadors/signatures/{instance.year}/{filename}"


class MissionStatement(models.Model):
    """One year's goals set by the mayor; publishing it mails every active ambassador."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("mission statement status", "Draft")
        PUBLISHED = "published", _("Published")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    goals = models.TextField(_("goals"), help_text=_("One goal per line."))
    signatory_name = models.CharField(_("signatory"), max_length=150)
    signatory_title = models.CharField(_("signatory's title"), max_length=150)
    signature = models.ImageField(
        _("signature image"), upload_to=_signature_path, storage=get_private_storage, blank=True
    )
    handover_date = models.DateField(_("handover date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("mission statement")
        verbose_name_plural = _("mission statements")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title

    @property
    def goal_lines(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class PersonalGoal(models.Model):
    """A goal agreed with one ambassador for a year, and the ambassador's report on it."""

    ambassador = models.ForeignKey(
        Ambassador, verbose_name=_("ambassador"), on_delete=models.CASCADE, related_name="goals"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("goal"))
    progress_report = models.TextField(_("progress report"), blank=True)
    reported_at = models.DateTimeField(_("reported"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal goal")
        verbose_name_plural = _("personal goals")
        ordering = ["-year", "pk"]
        indexes = [models.Index(fields=["year", "ambassador"])]

    def __str__(self) -> str:
        return f"{self.year}: {self.text[:60]}"
