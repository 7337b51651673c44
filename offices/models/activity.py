"""Activity reports: what an office did, with highlights the board publishes."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from offices.models.office import Office
from weltstadt.private_storage import get_private_storage


def _attachment_path(instance: "ActivityReport", filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"offices/{instance.office_id}/activities/{uuid.uuid4().hex}{suffix}"


class ActivityReport(models.Model):
    """Events held, contacts made, institutions met, media coverage and visitors of a period."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="activity_reports"
    )
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(pgettext_lazy("activity report period", "from"))
    period_end = models.DateField(pgettext_lazy("activity report period", "until"))
    events = models.TextField(_("events held"), blank=True)
    events_count = models.PositiveIntegerField(_("number of events"), default=0)
    contacts = models.TextField(_("contacts made"), blank=True)
    institutions = models.TextField(_("institutions met"), blank=True)
    media_coverage = models.TextField(_("media coverage"), blank=True)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    highlight = models.TextField(
        _("highlight"), blank=True, help_text=_("A short text the public may read.")
    )
    highlight_published = models.BooleanField(_("highlight published"), default=False)
    # private like the annual report's file: served only by views that check the office
    attachment = models.FileField(
        _("attachment"), storage=get_private_storage, upload_to=_attachment_path, blank=True
    )
    attachment_name = models.CharField(_("original file name"), max_length=255, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.office.get_absolute_url()

    @property
    def is_public(self) -> bool:
        """Pages outside the office area (the master plan) show the report only once published."""
        return self.highlight_published
