from modeltranslation.translator import TranslationOptions, register

from weltstadt.models import Network, Partnership


@register(Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("note",)


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("description",)
