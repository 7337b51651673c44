from modeltranslation.translator import TranslationOptions, register

from newsletter.models import Article, Issue


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("title", "intro", "lead_image_alt")


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
