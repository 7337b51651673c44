from modeltranslation.translator import TranslationOptions, register

from offices.models import ActivityReport, Office


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("description",)


@register(ActivityReport)
class ActivityReportTranslation(TranslationOptions):
    fields = ("title", "highlight")
