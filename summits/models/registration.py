import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from weltstadt.private_storage import get_private_storage


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_checkin_code() -> str:
    return secrets.token_hex(5).upper()


class Delegation(models.Model):
    """A partner city's delegation to one summit, registered by its head."""

    summit = models.ForeignKey(
        "summits.Summit",
        verbose_name=_("summit"),
        on_delete=models.CASCADE,
        related_name="delegations",
    )
    city = models.ForeignKey(
        "weltstadt.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="+"
    )
    head_name = models.CharField(_("head of delegation"), max_length=160)
    head_email = models.EmailField(_("e-mail of the head of delegation"))
    head_language = models.CharField(
        _("language of the head of delegation"), max_length=8, choices=settings.LANGUAGES
    )
    token = models.CharField(_("link token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    # Set while a delegation registered on the website waits for its head to confirm through the
    # mailed link (its members are pending and hold no place); empty once confirmed, and for
    # delegations staff created.
    confirm_by = models.DateTimeField(
        _("to be confirmed by"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["city__name"]
        constraints = [
            models.UniqueConstraint(fields=["summit", "city"], name="delegation_one_per_city")
        ]

    def __str__(self) -> str:
        return str(self.city)


class Registration(models.Model):
    """One participant of one summit: confirmed, on the waiting list, or cancelled."""

    class Role(models.TextChoices):
        MAYOR = "mayor", _("Mayor")
        COUNCIL_MEMBER = "council_member", _("Council member")
        STAFF = "staff", _("Municipal staff")
        EXPERT = "expert", _("Expert")
        YOUTH_DELEGATE = "youth_delegate", _("Youth delegate")
        PRESS = "press", _("Press")
        GUEST = "guest", _("Guest")

    class Status(models.TextChoices):
        # Registered on the website, waiting for its owner to confirm through the mailed link;
        # holds no place and expires (see `confirm_by`).
        PENDING = "pending", _("Awaiting confirmation by e-mail")
        CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    summit = models.ForeignKey(
        "summits.Summit",
        verbose_name=_("summit"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    city = models.ForeignKey(
        "weltstadt.City",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    needs = models.TextField(
        _("needs"), blank=True, help_text=_("Accessibility, diet, interpretation, …")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, editable=False)
    waiting_position = models.PositiveIntegerField(
        _("position on the waiting list"), null=True, blank=True, editable=False
    )
    manage_token = models.CharField(
        _("link token"), max_length=64, unique=True, default=new_token, editable=False
    )
    checkin_code = models.CharField(
        _("check-in code"), max_length=16, unique=True, default=new_checkin_code, editable=False
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirm_by = models.DateTimeField(
        _("to be confirmed by"), null=True, blank=True, editable=False
    )
    promoted_at = models.DateTimeField(_("moved up"), null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    checked_in_at = models.DateTimeField(_("arrived"), null=True, blank=True, editable=False)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    badge_rendered_at = models.DateTimeField(
        _("badge rendered"), null=True, blank=True, editable=False
    )
    badge_pdf = models.FileField(
        _("badge (PDF)"),
        storage=get_private_storage,
        upload_to="summits/badges/",
        blank=True,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["summit", "status", "waiting_position", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "summit",
                condition=~models.Q(status="cancelled"),
                name="registration_one_active_per_email",
            ),
        ]
        indexes = [models.Index(fields=["summit", "status"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.summit})"

    @property
    def qr_content(self) -> str:
        return f"WSUM:{self.checkin_code}"
