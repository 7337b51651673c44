"""The programme's structure (cohorts and their modules) and the applications to it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField


class Field(models.TextChoices):
    """The field an applicant or ambassador works in (directory filter)."""

    BUSINESS = "business", _("Business and trade")
    SCIENCE = "science", _("Science and education")
    CULTURE = "culture", _("Culture and arts")
    MEDIA = "media", _("Media and communication")
    PUBLIC = "public", _("Politics and public administration")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    TOURISM = "tourism", _("Tourism")
    OTHER = "other", _("Other")


class Cohort(models.Model):
    """One year's group of candidates, with the dates the programme page announces."""

    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=150)
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    is_open_for_applications = models.BooleanField(
        _("open for applications"),
        default=False,
        help_text=_("The public application form files new applications under this cohort."),
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-year", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        deadline, ends_on = self.application_deadline, self.ends_on
        if deadline and ends_on and deadline > ends_on:
            raise ValidationError(
                {"application_deadline": _("The application deadline must not lie after the end.")}
            )


class Module(models.Model):
    """A training or implementation module of a cohort, with content by a partner organisation."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        IMPLEMENTATION = "implementation", _("Implementation")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="modules"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    provider = models.CharField(
        _("provider organisation"), max_length=150, help_text=_("For example İZTO, İZKA, ESİAD.")
    )
    provider_url = models.URLField(_("provider website"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["cohort", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def needs_evidence(self) -> bool:
        return self.kind == self.Kind.IMPLEMENTATION


class Application(models.Model):
    """An application to a cohort; staff accept or reject it (see services.applications)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
        ACCEPTED = "accepted", pgettext_lazy("application status", "Accepted")
        REJECTED = "rejected", pgettext_lazy("application status", "Rejected")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="applications"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("Mail to the applicant goes out in this language."),
    )
    country = CountryField(_("country of residence"))
    city = models.CharField(_("city of residence"), max_length=120)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    languages = models.CharField(_("languages spoken"), max_length=200)
    connection = models.TextField(_("connection to İzmir"))
    motivation = models.TextField(_("motivation"))
    consented_at = models.DateTimeField(_("consent given"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            # One open application per address and cohort, even under a double submit.
            models.UniqueConstraint(
                Lower("email"),
                "cohort",
                condition=models.Q(status="submitted"),
                name="application_one_open_per_email_cohort",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.cohort})"
