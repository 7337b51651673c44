"""Funding: requests with budget lines, the supervisor's decision, payments and annual reports."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from offices.models.money import amount_field, currency_field
from offices.models.office import Office
from offices.templatetags.offices_format import money
from weltstadt.private_storage import get_private_storage


class FundingRequest(models.Model):
    """A board's request for support in one year and one currency."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("funding request status", "Submitted")
        APPROVED = "approved", _("Approved in full")
        PARTLY_APPROVED = "partly_approved", _("Approved in part")
        REJECTED = "rejected", pgettext_lazy("funding request status", "Rejected")
        WITHDRAWN = "withdrawn", pgettext_lazy("funding request status", "Withdrawn")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="funding_requests"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    purpose = models.TextField(_("purpose"))
    currency = currency_field()
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SUBMITTED,
        editable=False,
    )
    amount_requested = amount_field(_("amount requested"), editable=False)
    amount_approved = models.DecimalField(
        _("amount approved"), max_digits=14, decimal_places=2, null=True, editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, editable=False)
    decision_reason = models.TextField(_("reason for the decision"), blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("funding request")
        verbose_name_plural = _("funding requests")
        ordering = ["-year", "-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.office} {self.year}: {money(self.amount_requested, self.currency)}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SUBMITTED


class BudgetLine(models.Model):
    request = models.ForeignKey(
        FundingRequest,
        verbose_name=_("funding request"),
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    description = models.CharField(_("description"), max_length=200)
    amount = amount_field(_("amount"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.description}: {money(self.amount)}"


class Payment(models.Model):
    """Money paid out on an approved request, in the request's currency."""

    request = models.ForeignKey(
        FundingRequest,
        verbose_name=_("funding request"),
        on_delete=models.PROTECT,
        related_name="payments",
    )
    amount = amount_field(_("amount"))
    currency = currency_field(editable=False)
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-paid_on", "-pk"]

    def __str__(self) -> str:
        return f"{money(self.amount, self.currency)} ({self.paid_on})"


def _report_path(instance: "AnnualReport", filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"offices/{instance.office_id}/reports/{uuid.uuid4().hex}{suffix}"


class AnnualReport(models.Model):
    """The yearly financial and activity report an office owes by a deadline."""

    class Status(models.TextChoices):
        DUE = "due", pgettext_lazy("annual report status", "Due")
        SUBMITTED = "submitted", pgettext_lazy("annual report status", "Submitted")
        SENT_BACK = "sent_back", _("Sent back")
        ACCEPTED = "accepted", pgettext_lazy("annual report status", "Accepted")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DUE, editable=False
    )
    amount_spent = models.DecimalField(
        _("amount spent"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = currency_field(blank=True)
    financial_report = models.FileField(
        _("financial report"), storage=get_private_storage, upload_to=_report_path, blank=True
    )
    activity_summary = models.TextField(_("activity report"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, editable=False)
    review_note = models.TextField(_("note of the review"), blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "office"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="offices_report_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.DUE, self.Status.SENT_BACK)

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.deadline < (today or timezone.localdate())
