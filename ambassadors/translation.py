from modeltranslation.translator import TranslationOptions, register

from ambassadors.models import Cohort, MissionStatement, Module


@register(Cohort)
class CohortTranslation(TranslationOptions):
    fields = ("title",)


@register(Module)
class ModuleTranslation(TranslationOptions):
    fields = ("title", "description")


@register(MissionStatement)
class MissionStatementTranslation(TranslationOptions):
    fields = ("title", "goals", "signatory_title")
