"""The language a translated field is really shown in (WCAG 3.1.2, language of parts).

django-modeltranslation falls back to German, then English, when the active language has no
text; the page's <html lang> still names the active language, so a screen reader would read the
German text with, say, Turkish pronunciation. `lang_attr` marks such a block:

    {% load weltstadt_lang %}
    <p{% lang_attr network "description" %}>{{ network.description }}</p>

writes ` lang="de"` only when the text shown is not in the active language.
"""

from django import template
from django.utils.html import format_html
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

register = template.Library()


@register.filter
def shown_language(obj, field_name: str) -> str:
    """The language code whose value modeltranslation displays for `obj.<field_name>` in the
    active language, following the same fallback order; the active language when the field is
    not translated or has no value in any language (nothing is shown then)."""
    active = get_language()
    descriptor = getattr(type(obj), field_name, None) if obj is not None else None
    if not isinstance(descriptor, TranslationFieldDescriptor):
        return active
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = descriptor.field.get_default()
    for lang in resolution_order(active, descriptor.fallback_languages):
        value = getattr(obj, build_localized_fieldname(field_name, lang), None)
        if descriptor.meaningful_value(value, undefined):
            return lang
    return active


@register.simple_tag
def lang_attr(obj, field_name: str) -> str:
    """` lang="xx"` when the text shown for `obj.<field_name>` is not in the active language,
    else nothing: for the opening tag of the block that shows it."""
    lang = shown_language(obj, field_name)
    if lang == get_language():
        return ""
    return format_html(' lang="{}"', lang)
