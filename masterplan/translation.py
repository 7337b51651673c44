from modeltranslation.translator import TranslationOptions, register

from masterplan.models import (
    Indicator,
    InvestmentTarget,
    LocalDataset,
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
