"""An accepted applicant's file: the ambassador, completed modules, evidence and activities."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from ambassadors.models.programme import Application, Cohort, Field, Module
from weltstadt.private_storage import get_private_storage


def _photo_path(instance, filename: str) -> str:
    # Photos are public media; a random name keeps the photo of someone who is not (or no
    # longer) in the directory from being found by guessing its address.
    return f"ambassadors/photos/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()}"


def _evidence_path(instance, filename: str) -> str:
    return f"ambassadors/evidence/{instance.ambassador_id}/{filename}"


class Ambassador(models.Model):
    """A candidate or ambassador of the city of İzmir, with the profile the directory shows."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        ACTIVE = "active", _("Ambassador")
        INACTIVE = "inactive", _("Inactive")
        REVOKED = "revoked", _("Title revoked")

    class FormOfAddress(models.TextChoices):
        """How the title and the mails address the person (German and others have gendered
        forms); the neutral form names both."""

        NEUTRAL = "", _("No gendered form (name only)")
        FEMALE = "female", _("Ms / female forms")
        MALE = "male", _("Mr / male forms")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="ambassador",
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="ambassadors"
    )
    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ambassador",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CANDIDATE
    )
    form_of_address = models.CharField(
        _("form of address"),
        max_length=10,
        choices=FormOfAddress.choices,
        blank=True,
        default=FormOfAddress.NEUTRAL,
        help_text=_("The form of your title on the certificate, in mails and on pages."),
    )
    public_profile = models.BooleanField(
        _("show my profile in the public directory"), default=False
    )
    photo = models.ImageField(_("photo"), upload_to=_photo_path, blank=True)
    bio = models.TextField(_("short bio"), blank=True, validators=[MaxLengthValidator(600)])
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")
        ordering = ["user__name"]

    def __str__(self) -> str:
        return str(self.user)


class ModuleCompletion(models.Model):
    """Staff's record that an ambassador completed a module (one per ambassador and module)."""

    ambassador = models.ForeignKey(
        Ambassador,
        verbose_name=_("ambassador"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.PROTECT, related_name="completions"
    )
    completed_on = models.DateField(_("completed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["ambassador", "module"], name="completion_unique_ambassador_module"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ambassador} – {self.module}"


class Evidence(models.Model):
    """What an ambassador did in an implementation module; staff approve it or send it back."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("evidence status", "Submitted")
        APPROVED = "approved", pgettext_lazy("evidence status", "Approved")
        RETURNED = "returned", _("Returned for changes")

    ambassador = models.ForeignKey(
        Ambassador, verbose_name=_("ambassador"), on_delete=models.CASCADE, related_name="evidence"
    )
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.PROTECT, related_name="evidence"
    )
    text = models.TextField(_("what you did"))
    document = models.FileField(
        _("document"), upload_to=_evidence_path, storage=get_private_storage, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    staff_comment = models.TextField(_("comment from the programme team"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["ambassador", "module"],
                condition=models.Q(status="submitted"),
                name="evidence_one_open_per_module",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ambassador} – {self.module}"


class Activity(models.Model):
    """Something an ambassador did for İzmir, as they report it."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        EVENT = "event", _("Event")
        MEDIA = "media", _("Media")
        INVESTMENT = "investment", _("Investment contact")
        OTHER = "other", _("Other")

    ambassador = models.ForeignKey(
        Ambassador,
        verbose_name=_("ambassador"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    description = models.TextField(_("description"), validators=[MaxLengthValidator(2000)])
    people_reached = models.PositiveIntegerField(_("people reached"), default=0)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}, {self.city}"
