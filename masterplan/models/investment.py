from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from masterplan.models.plan import Plan
from weltstadt.models import City


class InvestmentTarget(models.Model):
    class Sector(models.TextChoices):
        TOURISM = "tourism", _("Tourism")
        LOGISTICS = "logistics", _("Logistics and ports")
        MANUFACTURING = "manufacturing", _("Manufacturing")
        ENERGY = "energy", _("Renewable energy")
        TECHNOLOGY = "technology", _("Technology and start-ups")
        AGRIFOOD = "agrifood", _("Agriculture and food")
        CULTURE = "culture", _("Culture and creative industries")
        EDUCATION = "education", _("Education and research")

    class Currency(models.TextChoices):
        EUR = "EUR", "EUR"
        TRY = "TRY", "TRY"
        USD = "USD", "USD"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        NEGOTIATION = "negotiation", _("In negotiation")
        SECURED = "secured", _("Secured")
        REALISED = "realised", _("Realised")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="investment_targets"
    )
    title = models.CharField(_("title"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    target_countries = CountryField(_("target countries"), multiple=True, blank=True)
    target_cities = models.ManyToManyField(
        City, verbose_name=_("target cities"), blank=True, related_name="+"
    )
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("investment target")
        verbose_name_plural = _("investment targets")
        ordering = ["year", "sector", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="masterplan_amount_pos")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"
