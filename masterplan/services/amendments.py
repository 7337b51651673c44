"""Changes to an adopted plan leave a readable trace: before and after, for staff and the public.

django-simple-history keeps a row per save of every plan part (registered in
masterplan.translation). From those rows this module
- adds an entry to the plan's public versions table when an adopted plan's text or figures
  change (one entry per day, naming each changed field), and
- lists every change since adoption with the value before and after (`plan_changes`), as the
  public changes page and the staff history show them.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.template.defaultfilters import floatformat
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from masterplan.models import (
    Indicator,
    IndicatorTarget,
    InvestmentTarget,
    Measurement,
    Objective,
    Plan,
    PlanVersion,
    PriorityArea,
    Strategy,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# (model, path from the part to its plan id)
PARTS: list[tuple[type[models.Model], str]] = [
    (Plan, "id"),
    (PriorityArea, "plan_id"),
    (Strategy, "area__plan_id"),
    (Objective, "strategy__area__plan_id"),
    (Indicator, "objective__strategy__area__plan_id"),
    (IndicatorTarget, "indicator__objective__strategy__area__plan_id"),
    (Measurement, "indicator__objective__strategy__area__plan_id"),
    (InvestmentTarget, "plan_id"),
]
SKIPPED = {"id", "position"}


@dataclass
class Change:
    when: datetime
    kind: str
    label: str
    field: str
    language: str  # "" for a field that is not translated
    before: str
    after: str
    action: str  # "changed", "added", "removed"


def _plan_id(instance) -> int | None:
    if isinstance(instance, Plan):
        return instance.pk
    if isinstance(instance, PriorityArea | InvestmentTarget):
        return instance.plan_id
    if isinstance(instance, Strategy):
        return instance.area.plan_id
    if isinstance(instance, Objective):
        return instance.strategy.area.plan_id
    if isinstance(instance, Indicator):
        return instance.objective.strategy.area.plan_id
    if isinstance(instance, IndicatorTarget | Measurement):
        return instance.indicator.objective.strategy.area.plan_id
    return None


def _translated(model) -> set[str]:
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def _field_parts(model, name: str) -> tuple[str, str, str] | None:
    """(base field, language, label) of a changed field; None for fields not shown."""
    if name in SKIPPED:
        return None
    translated = _translated(model)
    if name in translated:
        return None  # the untranslated column mirrors the default language's
    base, _sep, language = name.rpartition("_")
    if base in translated and language in LANGUAGE_CODES:
        return base, language, str(model._meta.get_field(base).verbose_name)
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    return name, "", str(field.verbose_name)


def _display(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, Decimal | float):
        return floatformat(value, "-3g")
    return formats.localize(value, use_l10n=True) if not isinstance(value, str) else value


def _label(instance) -> tuple[str, str]:
    kind = str(type(instance)._meta.verbose_name)
    if isinstance(instance, IndicatorTarget | Measurement):
        return kind, f"{instance.year} · {instance.indicator.name}"
    if isinstance(instance, Indicator):
        return kind, str(instance.name)
    if isinstance(instance, Plan):
        return kind, str(instance.title)
    return kind, str(instance)


def _record_changes(record, previous) -> list[Change]:
    model = record.instance_type
    instance = record.instance
    kind, label = _label(instance)
    when = record.history_date
    if record.history_type == "+" or previous is None:
        return [Change(when, kind, label, "", "", "", "", "added")]
    if record.history_type == "-":
        return [Change(when, kind, label, "", "", "", "", "removed")]
    changes = []
    for delta in record.diff_against(previous).changes:
        parts = _field_parts(model, delta.field)
        if parts is None:
            continue
        _base, language, field_label = parts
        changes.append(
            Change(
                when,
                kind,
                label,
                field_label,
                language,
                _display(delta.old),
                _display(delta.new),
                "changed",
            )
        )
    return changes


def plan_changes(*, plan: Plan, language: str | None = None) -> list[Change]:
    """Every change of the plan's text and figures since it was adopted, newest first; with a
    language, translated fields only in that language."""
    if plan.status != Plan.Status.ADOPTED or plan.status_changed_at is None:
        return []
    changes: list[Change] = []
    for model, path in PARTS:
        records = list(
            model.history.filter(**{path: plan.pk}).order_by("id", "history_date", "history_id")
        )
        previous = None
        for record in records:
            same = previous is not None and previous.id == record.id
            if record.history_date > plan.status_changed_at:
                changes += _record_changes(record, previous if same else None)
            previous = record
    if language:
        changes = [c for c in changes if c.language in ("", language)]
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes


def _summary(changes: list[Change]) -> str:
    seen = []
    for change in changes:
        if change.action == "added":
            text = _("%(kind)s “%(label)s” added") % {"kind": change.kind, "label": change.label}
        elif change.action == "removed":
            text = _("%(kind)s “%(label)s” removed") % {
                "kind": change.kind,
                "label": change.label,
            }
        else:
            field = f"{change.field} [{change.language}]" if change.language else change.field
            text = _("%(kind)s “%(label)s”: %(field)s changed") % {
                "kind": change.kind,
                "label": change.label,
                "field": field,
            }
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)


@transaction.atomic
def amendment_record(*, instance, history_instance) -> PlanVersion | None:
    """After a save of a plan part: if its plan is adopted, note the change in the plan's public
    versions table (today's amendment entry, in every language)."""
    plan_id = _plan_id_safe(instance)
    if plan_id is None:
        return None
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None or plan.status != Plan.Status.ADOPTED:
        return None
    previous = history_instance.prev_record if history_instance.history_type == "~" else None
    summaries = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            text = _summary(_record_changes(history_instance, previous))
        summaries[code] = text
    if not summaries[settings.LANGUAGE_CODE]:
        return None  # a save without a visible change
    today = timezone.localdate()
    versions = PlanVersion.objects.select_for_update().filter(plan=plan).order_by("-number")
    latest = versions.first()
    adoption = plan.versions.filter(status=Plan.Status.ADOPTED).order_by("number").first()
    if latest is not None and latest != adoption and latest.date == today:
        version = latest
        for code, text in summaries.items():
            old = getattr(version, f"summary_{code}") or ""
            if text not in old.split("; "):
                setattr(version, f"summary_{code}", f"{old}; {text}" if old else text)
        version.summary = version.summary_de
        version.save()
        return version
    version = PlanVersion(
        plan=plan,
        number=(latest.number if latest else 0) + 1,
        date=today,
        status=Plan.Status.ADOPTED,
        created_by=history_instance.history_user,
    )
    for code, text in summaries.items():
        with translation.override(code):
            intro = _("Changed after adoption:")
        setattr(version, f"summary_{code}", f"{intro} {text}")
    version.summary = version.summary_de
    version.save()
    return version


def on_history_record(sender, instance, history_instance, **kwargs) -> None:
    plan_id = _plan_id_safe(instance)
    if plan_id is None:
        return
    if history_instance.history_type != "-":
        amendment_record(instance=instance, history_instance=history_instance)
        return

    # A removal may be part of deleting the whole plan: note it only if the plan is still there
    # once the deletion has committed.
    def later():
        if Plan.objects.filter(pk=plan_id).exists():
            amendment_record(instance=instance, history_instance=history_instance)

    transaction.on_commit(later)


def _plan_id_safe(instance) -> int | None:
    try:
        return _plan_id(instance)
    except models.ObjectDoesNotExist:
        return None
