from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from masterplan.linkables import is_linkable, linkable_content_types


class Plan(models.Model):
    """The external-relations master plan; its status changes only through services."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("master plan status", "Draft")
        CONSULTATION = "consultation", _("Consultation")
        ADOPTED = "adopted", _("Adopted")

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    global_position = models.TextField(
        _("the city's global position"),
        blank=True,
        help_text=_("Where İzmir stands among the world's cities today."),
    )
    period_start = models.PositiveSmallIntegerField(_("first year"), default=2020)
    period_end = models.PositiveSmallIntegerField(_("last year"), default=2024)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("master plan")
        verbose_name_plural = _("master plans")
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="masterplan_plan_period_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.period_start}–{self.period_end})"

    def get_absolute_url(self) -> str:
        return reverse("masterplan:plan", kwargs={"pk": self.pk})

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"


class PlanVersion(models.Model):
    """A numbered version of a plan: when it changed and what changed."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary of changes"))
    status = models.CharField(_("status"), max_length=20, choices=Plan.Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="masterplan_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan.title} v{self.number}"


class PriorityArea(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="areas"
    )
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("title"), max_length=200)
    priority_question = models.TextField(_("priority question"))
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["plan", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="masterplan_area_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Strategy(models.Model):
    area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.CASCADE,
        related_name="strategies",
    )
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["area", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["area", "code"], name="masterplan_strategy_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Objective(models.Model):
    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("strategy"),
        on_delete=models.CASCADE,
        related_name="objectives",
    )
    code = models.CharField(_("code"), max_length=12)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["strategy", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="masterplan_objective_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("masterplan:objective", kwargs={"pk": self.pk})


class ObjectiveLink(models.Model):
    """Ties anything (a summit follow-up action, an office activity report, …) to an objective.

    A generic relation, so the master plan needs no import of the apps whose items it lists.
    """

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="links"
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of item"),
        on_delete=models.CASCADE,
        limit_choices_to=linkable_content_types,
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    item = GenericForeignKey("content_type", "object_id")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("objective link")
        verbose_name_plural = _("objective links")
        ordering = ["objective", "content_type", "object_id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "content_type", "object_id"],
                name="masterplan_objectivelink_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.objective.code} ↔ {self.content_type.name} #{self.object_id}"

    def save(self, *args, **kwargs):
        # Every way in (admin, inline of another app, shell, demo) passes the allow-list.
        if not is_linkable(ContentType.objects.get_for_id(self.content_type_id)):
            raise ValidationError(_("Items of this kind cannot be linked to an objective."))
        super().save(*args, **kwargs)

    def clean(self):
        content_type = self.content_type if self.content_type_id else None
        if content_type is not None and not is_linkable(content_type):
            raise ValidationError(
                {"content_type": _("Items of this kind cannot be linked to an objective.")}
            )
        if content_type is not None and self.object_id is not None and self.item is None:
            raise ValidationError({"object_id": _("There is no such item.")})
