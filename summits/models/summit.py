import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from weltstadt.private_storage import get_private_storage


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def city_time_zone(city) -> str:
    """The time zone of a city: its country's main zone (Germany: Europe/Berlin, Türkiye:
    Europe/Istanbul), the portal's own where the country is unknown."""
    from babel.core import get_global

    country = str(getattr(city, "country", "") or "").upper()
    zones = get_global("territory_zones").get(country, [])
    return zones[0] if zones else settings.TIME_ZONE


class Summit(models.Model):
    """One edition of the Germany–İzmir partner-cities summit."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("summit status", "Draft")
        OPEN = "open", _("Open for registration")
        CLOSED = "closed", _("Registration closed")
        HELD = "held", _("Held")
        ARCHIVED = "archived", _("Archived")

    edition = models.PositiveSmallIntegerField(_("edition"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "An IANA time zone such as Europe/Berlin or Europe/Istanbul. Left empty, the host "
            "city's time zone is used. Every time of the summit is shown in this zone."
        ),
    )
    host_city = models.ForeignKey(
        "weltstadt.City", verbose_name=_("host city"), on_delete=models.PROTECT, related_name="+"
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    format = models.CharField(
        _("format"), max_length=12, choices=Format.choices, default=Format.IN_PERSON
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    waiting_list_capacity = models.PositiveIntegerField(
        _("places on the waiting list"),
        default=50,
        help_text=_("When the summit and its waiting list are full, registration is refused."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    badges_requested_at = models.DateTimeField(
        _("badges requested"), null=True, blank=True, editable=False
    )
    badges_rendered_at = models.DateTimeField(
        _("badge sheet rendered"), null=True, blank=True, editable=False
    )
    badges_pdf = models.FileField(
        _("all badges (PDF)"),
        storage=get_private_storage,
        upload_to="summits/badges/",
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("summit")
        verbose_name_plural = _("summits")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="summit_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="summit_registration_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition}. {self.title}"

    def save(self, *args, **kwargs):
        if not self.time_zone and self.host_city_id:
            self.time_zone = city_time_zone(self.host_city)
        super().save(*args, **kwargs)

    def clean(self):
        if not self.time_zone and self.host_city_id:
            self.time_zone = city_time_zone(self.host_city)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or settings.TIME_ZONE)

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def registration_is_open(self) -> bool:
        now = timezone.now()
        return (
            self.status == self.Status.OPEN
            and self.registration_opens_at <= now < self.registration_closes_at
        )
