from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masterplan.models.plan import Objective

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


class Indicator(models.Model):
    """A measurable figure of an objective; progress is computed by masterplan.progress."""

    class Direction(models.TextChoices):
        UP = "up", _("Higher is better")
        DOWN = "down", _("Lower is better")

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("name"), max_length=250)
    unit = models.CharField(_("unit"), max_length=60)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), validators=YEAR_VALIDATORS)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=16, decimal_places=3)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Share of this indicator in the totals of its objective, area and plan."),
    )
    excluded_from_totals = models.BooleanField(_("left out of totals"), default=False)
    exclusion_reason = models.TextField(_("why it is left out"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["objective", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="masterplan_weight_pos")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.excluded_from_totals and not (self.exclusion_reason or "").strip():
            raise ValidationError(
                {"exclusion_reason": _("Say why the indicator is left out of the totals.")}
            )


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("target value"), max_digits=16, decimal_places=3)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="masterplan_target_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"

    def clean(self):
        # The plan's own period, not a fixed 2020–2024 (a 2025–2029 plan has 2029 targets).
        if self.year and self.indicator_id:
            plan = self.indicator.objective.strategy.area.plan
            if not plan.period_start <= self.year <= plan.period_end:
                raise ValidationError(
                    {
                        "year": _("A target year must lie in the plan period %(period)s.")
                        % {"period": plan.period}
                    }
                )


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=3)
    source = models.CharField(_("source"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="masterplan_measurement_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"

    def clean(self):
        if self.year and self.indicator_id:
            problem = measurement_year_problem(self.indicator, self.year)
            if problem:
                raise ValidationError({"year": problem})


def measurement_year_problem(indicator: Indicator, year: int) -> str | None:
    """Why a measurement cannot be for this year (translated), or None.

    A measurement is a figure that has been observed: never for a year still to come, and only
    within the period of the indicator's plan.
    """
    plan = indicator.objective.strategy.area.plan
    this_year = timezone.localdate().year
    if year > this_year:
        return _(
            "%(year)s has not come yet: a measurement can only be for this year (%(now)s) or "
            "an earlier one."
        ) % {"year": year, "now": this_year}
    if not plan.period_start <= year <= plan.period_end:
        return _("A measurement must be for a year of the plan period %(period)s.") % {
            "period": plan.period
        }
    return None
