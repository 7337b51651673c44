from modeltranslation.translator import TranslationOptions, register

from summits.models import Declaration, FollowUpAction, Session, Speaker, Summit, Theme


@register(Summit)
class SummitTranslation(TranslationOptions):
    fields = ("title", "theme", "description")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "abstract")


@register(Speaker)
class SpeakerTranslation(TranslationOptions):
    fields = ("bio",)


@register(Declaration)
class DeclarationTranslation(TranslationOptions):
    fields = ("title", "text")


@register(FollowUpAction)
class FollowUpActionTranslation(TranslationOptions):
    fields = ("what",)
