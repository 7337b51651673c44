import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masterplan.models.plan import Plan, PriorityArea
from weltstadt.models import City


class Workshop(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="workshops"
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    facilitators = models.CharField(
        _("facilitators"), max_length=300, help_text=_("Names, separated by commas.")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    ballot_open = models.BooleanField(_("ranking open"), default=True)
    ballot_closes_on = models.DateField(
        _("ranking closes on"),
        null=True,
        blank=True,
        help_text=_("After this day no ranking is accepted. Adopting the plan closes it too."),
    )

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d.%m.%Y})"

    @property
    def ballot_accepts(self) -> bool:
        """Rankings are accepted: open, not past its closing day, and the plan not yet adopted."""
        if not self.ballot_open or self.plan.status == "adopted":
            return False
        return self.ballot_closes_on is None or timezone.localdate() <= self.ballot_closes_on


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class WorkshopParticipant(models.Model):
    """A person at the workshop for an organisation or a city, with a personal ballot link."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.ForeignKey(
        City,
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token = models.CharField(max_length=48, unique=True, default=_new_token, editable=False)
    voted_at = models.DateTimeField(_("ranked on"), null=True, blank=True, editable=False)
    link_mailed_at = models.DateTimeField(_("link sent"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("workshop participant")
        verbose_name_plural = _("workshop participants")
        ordering = ["workshop", "name"]

    def __str__(self) -> str:
        return self.name


class BallotRank(models.Model):
    participant = models.ForeignKey(
        WorkshopParticipant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="ranks",
    )
    area = models.ForeignKey(
        PriorityArea, verbose_name=_("priority area"), on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("ranked area")
        verbose_name_plural = _("ranked areas")
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "area"], name="masterplan_ballot_area"),
            models.UniqueConstraint(fields=["participant", "rank"], name="masterplan_ballot_rank"),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.rank}. {self.area}"
