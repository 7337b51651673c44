"""The certificate of the title, its rendered versions, the per-year number counter, and each
ambassador's yearly mission statement as a PDF."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ambassadors.models.members import Ambassador
from ambassadors.models.mission import MissionStatement
from weltstadt.private_storage import get_private_storage

__all__ = ["Certificate", "CertificateCounter", "CertificateFile", "MissionStatementDocument"]


def _certificate_path(instance, filename: str) -> str:
    return f"ambassadors/certificates/{instance.certificate.year}/{filename}"


def _mission_document_path(instance, filename: str) -> str:
    return f"ambassadors/mission/{instance.statement.year}/{filename}"


class CertificateCounter(models.Model):
    """The last certificate number given out in a year; locked while a number is allocated."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate counter")
        verbose_name_plural = _("certificate counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Certificate(models.Model):
    """The title "Ambassador of the City of İzmir" held by one ambassador, with its medal.

    The number and the verification code never change; a correction raises `version`, and each
    version is rendered to its own `CertificateFile`.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    ambassador = models.OneToOneField(
        Ambassador,
        verbose_name=_("ambassador"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    code = models.CharField(_("verification code"), max_length=40, unique=True)
    holder_name = models.CharField(_("holder's name"), max_length=150)
    awarded_on = models.DateField(_("awarded on"))
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("awarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("signatory"), max_length=150)
    signatory_title = models.CharField(_("signatory's title"), max_length=150)
    mission_statement = models.ForeignKey(
        MissionStatement,
        verbose_name=_("signature from the mission statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    reinstated_at = models.DateTimeField(_("reinstated"), null=True, blank=True)
    reinstated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reinstated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reinstatement_reason = models.TextField(
        _("reason for reinstatement"),
        blank=True,
        help_text=_("Why the revocation was an error."),
    )
    # Its bit in the published revocation list (W3C Bitstring Status List); given once, kept by
    # every correction, never reused.
    status_list_index = models.PositiveIntegerField(
        _("index in the status list"), null=True, blank=True, unique=True, editable=False
    )
    medal_handed_over_on = models.DateField(_("medal handed over on"), null=True, blank=True)
    medal_event = models.CharField(_("medal handed over at"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(verbose_name=_("historical certificate"))

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "sequence"], name="certificate_unique_year_sequence"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.holder_name}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @property
    def mail_key(self) -> str:
        """The outbox key of the mail carrying the current version: one mail per version."""
        return f"ambassadors:certificate:{self.pk}:v{self.version}"


class CertificateFile(models.Model):
    """The PDF of one version of a certificate (private; served by permission-checking views)."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    version = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(
        _("PDF"), upload_to=_certificate_path, storage=get_private_storage, max_length=200
    )
    rendered_at = models.DateTimeField(_("rendered"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate PDF")
        verbose_name_plural = _("certificate PDFs")
        ordering = ["certificate", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "version"], name="certificatefile_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate.number} v{self.version}"


class MissionStatementDocument(models.Model):
    """One ambassador's copy of a year's mission statement, with their personal goals, as PDF."""

    statement = models.ForeignKey(
        MissionStatement,
        verbose_name=_("mission statement"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    ambassador = models.ForeignKey(
        Ambassador,
        verbose_name=_("ambassador"),
        on_delete=models.CASCADE,
        related_name="mission_documents",
    )
    file = models.FileField(
        _("PDF"), upload_to=_mission_document_path, storage=get_private_storage, max_length=200
    )
    rendered_at = models.DateTimeField(_("rendered"), auto_now_add=True)

    class Meta:
        verbose_name = _("mission statement PDF")
        verbose_name_plural = _("mission statement PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "ambassador"], name="missiondocument_unique_ambassador"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement.year}: {self.ambassador}"
