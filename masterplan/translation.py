import simple_history
from modeltranslation.translator import TranslationOptions, register

from masterplan.models import (
    Indicator,
    IndicatorTarget,
    InvestmentTarget,
    LocalDataset,
    LocalDataValue,
    Measurement,
    Objective,
    Plan,
    PlanVersion,
    PriorityArea,
    Strategy,
    Workshop,
)


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "introduction", "global_position")


@register(PlanVersion)
class PlanVersionTranslation(TranslationOptions):
    fields = ("summary",)


@register(PriorityArea)
class PriorityAreaTranslation(TranslationOptions):
    fields = ("title", "priority_question", "description")


@register(Strategy)
class StrategyTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit", "exclusion_reason")


@register(InvestmentTarget)
class InvestmentTargetTranslation(TranslationOptions):
    fields = ("title", "note")


@register(LocalDataset)
class LocalDatasetTranslation(TranslationOptions):
    fields = ("title", "unit", "description")


@register(Workshop)
class WorkshopTranslation(TranslationOptions):
    fields = ("title", "agenda", "minutes")


# Audit trail with before/after for the plan's text and figures. Registered here, after the
# translation fields exist, so that the history keeps every language's text (a HistoricalRecords
# on the class would be built before modeltranslation adds title_de, title_tr, …).
for _model in (
    Plan,
    PriorityArea,
    Strategy,
    Objective,
    Indicator,
    IndicatorTarget,
    Measurement,
    InvestmentTarget,
    LocalDataset,
    LocalDataValue,
):
    simple_history.register(_model, app="masterplan")
