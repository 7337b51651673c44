import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    """A reader of the bulletin. Mail goes only to CONFIRMED subscribers (double opt-in).

    The address is stored lower-cased and is unique: subscribing twice is one subscriber.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed (bounce or complaint)")

    class Source(models.TextChoices):
        FOOTER = "footer", _("Form in the page footer")
        PAGE = "page", _("Form on the bulletin page")
        IMPORT = "import", _("CSV import")
        ADMIN = "admin", _("Entered by staff")

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_source = models.CharField(
        _("consent source"), max_length=10, choices=Source.choices, blank=True
    )
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    consent_note = models.CharField(
        _("consent note"),
        max_length=200,
        blank=True,
        help_text=_("For imports: where and when the consent was originally given."),
    )
    # Proof of the double opt-in: where the request and the confirmation came from. Erased with
    # the subscriber (the row is deleted), never shown outside the admin.
    consent_ip = models.GenericIPAddressField(_("IP address of the request"), null=True, blank=True)
    consent_user_agent = models.CharField(_("browser of the request"), max_length=300, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_ip = models.GenericIPAddressField(
        _("IP address of the confirmation"), null=True, blank=True
    )
    confirmed_user_agent = models.CharField(
        _("browser of the confirmation"), max_length=300, blank=True
    )
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    soft_bounces = models.PositiveSmallIntegerField(_("soft bounces"), default=0)
    suppressed_reason = models.CharField(_("suppression reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        indexes = [models.Index(fields=["status", "language", "id"])]

    def __str__(self) -> str:
        return self.email


class SubscriberEvent(models.Model):
    """What happened to a subscriber, for the statistics per issue and language."""

    class Kind(models.TextChoices):
        SUBSCRIBED = "subscribed", _("Subscribed")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        HARD_BOUNCE = "hard_bounce", _("Hard bounce")
        SOFT_BOUNCE = "soft_bounce", _("Soft bounce")
        COMPLAINT = "complaint", _("Complaint")
        LANGUAGE = "language", _("Language changed")

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    issue = models.ForeignKey(
        "newsletter.Issue",
        verbose_name=_("issue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber event")
        verbose_name_plural = _("subscriber events")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["issue", "kind"])]

    def __str__(self) -> str:
        return f"{self.subscriber} {self.kind}"
