from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class City(models.Model):
    """A city or a district of one (Berlin-Neukölln, Gaziemir), with its position for maps."""

    name = models.CharField(_("name"), max_length=120)
    country = CountryField(_("country"))
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="districts",
        help_text=_("For a district: the city it belongs to."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    coordinates_source = models.URLField(_("source of the coordinates"), blank=True)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="city_unique_name_country")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Partnership(models.Model):
    """A relation between two municipalities, as a public source states it."""

    class Kind(models.TextChoices):
        SISTER_CITY = "sister_city", _("Sister city")
        FRIENDSHIP = "friendship", _("Friendship")
        COOPERATION = "cooperation", _("Cooperation")
        MUNICIPAL = "municipal", _("German–Turkish municipal partnership")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COUNCIL_DECISION = "council_decision", _("Decided by the council, no protocol yet")
        CANCELLED = "cancelled", _("Cancelled")

    city = models.ForeignKey(
        City, verbose_name=_("city"), on_delete=models.PROTECT, related_name="partnerships"
    )
    partner = models.ForeignKey(
        City, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    council_act_date = models.DateField(_("council decision"), null=True, blank=True)
    protocol_date = models.DateField(_("protocol signed"), null=True, blank=True)
    since_year = models.PositiveSmallIntegerField(_("partners since (year)"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=500)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "partner", "kind"], name="partnership_unique_pair_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.city} – {self.partner}"

    @property
    def year(self) -> int | None:
        for value in (self.protocol_date, self.council_act_date):
            if value:
                return value.year
        return self.since_year


class Network(models.Model):
    """An international network of cities (Metropolis, UCLG, Eurocities, …)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    members_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    members_count_is_lower_bound = models.BooleanField(
        _("at least this many members"),
        default=False,
        help_text=_("The source says “more than”."),
    )
    description = models.TextField(_("description"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)
    members = models.ManyToManyField(
        City, verbose_name=_("member cities"), blank=True, related_name="networks"
    )

    class Meta:
        verbose_name = _("city network")
        verbose_name_plural = _("city networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
