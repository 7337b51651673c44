from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from masterplan.models.plan import Plan
from weltstadt.private_storage import get_private_storage


class PlanExport(models.Model):
    """The whole plan as a PDF in one language, rendered once per day by a `pdf_` task."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="exports"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    date = models.DateField(_("state of"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to="masterplan/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        verbose_name = _("PDF export")
        verbose_name_plural = _("PDF exports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "language", "date"], name="masterplan_export_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan.title} [{self.language}] {self.date}"
