from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from masterplan.models.plan import Plan
from weltstadt.private_storage import get_private_storage


class PlanExport(models.Model):
    """The whole plan as a PDF in one language, rendered by a `pdf_` task.

    One per plan, language, day and data version: when a figure or a text changes, the next
    request renders a new PDF instead of handing out the one made before the change.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="exports"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    date = models.DateField(_("state of"))
    data_version = models.CharField(
        _("data version"),
        max_length=64,
        default="",
        editable=False,
        help_text=_("A fingerprint of the plan's data: a change makes a new PDF."),
    )
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
                fields=["plan", "language", "date", "data_version"],
                name="masterplan_export_unique_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan.title} [{self.language}] {self.date}"
