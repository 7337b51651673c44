"""Money fields: Decimal amounts to the cent with an ISO 4217 currency code, never floats."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")


class Currency(models.TextChoices):
    """The currencies of the countries where offices work (ISO 4217)."""

    EUR = "EUR", _("Euro (EUR)")
    TRY = "TRY", _("Turkish lira (TRY)")
    CHF = "CHF", _("Swiss franc (CHF)")
    GBP = "GBP", _("Pound sterling (GBP)")
    SEK = "SEK", _("Swedish krona (SEK)")
    NOK = "NOK", _("Norwegian krone (NOK)")
    DKK = "DKK", _("Danish krone (DKK)")
    PLN = "PLN", _("Polish złoty (PLN)")
    CZK = "CZK", _("Czech koruna (CZK)")
    HUF = "HUF", _("Hungarian forint (HUF)")
    USD = "USD", _("US dollar (USD)")


def amount_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(CENT)],
        **kwargs,
    )


def currency_field(verbose_name=None, **kwargs) -> models.CharField:
    return models.CharField(
        verbose_name or _("currency"),
        max_length=3,
        choices=Currency.choices,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO currency code."))],
        **kwargs,
    )
