"""The rich-text field of the bulletin admin: a textarea (the fallback without JavaScript) that
static/js/newsletter-richtext.js turns into a small editor with a toolbar, and beside it the German
source of the text being translated. Whatever arrives is sanitised on the server (richtext)."""

import json

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from newsletter.richtext import TAGS, richtext_clean

# The toolbar's words, translated here and handed to the script in a data attribute.
TOOLBAR_LABELS = [
    gettext_noop("Formatting"),
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    gettext_noop("Heading"),
    gettext_noop("Paragraph"),
    gettext_noop("Bulleted list"),
    gettext_noop("Numbered list"),
    gettext_noop("Quote"),
    gettext_noop("Link"),
    gettext_noop("Remove link"),
    gettext_noop("Remove formatting"),
    gettext_noop("Address of the link (https://…)"),
]


class RichTextWidget(forms.Textarea):
    def __init__(self, attrs=None, source: str | None = None):
        super().__init__(attrs)
        self.source = source  # the German text beside a translation; None for German itself

    class Media:
        js = ["js/newsletter-richtext.js"]
        css = {"all": ["css/newsletter.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {
            **(attrs or {}),
            "data-richtext": " ".join(sorted(TAGS)),
            "data-richtext-labels": json.dumps({label: _(label) for label in TOOLBAR_LABELS}),
        }
        field = super().render(name, value, attrs, renderer)
        if self.source is None:
            return format_html('<div class="richtext-field">{}</div>', field)
        source = richtext_clean(self.source) or format_html(
            '<p class="richtext-empty">{}</p>', _("No German text yet.")
        )
        return format_html(
            '<div class="richtext-field richtext-with-source">{}'
            '<aside class="richtext-source" aria-label="{}"><p class="richtext-source-label">{}'
            '</p><div class="richtext-source-text" lang="{}">{}</div></aside></div>',
            field,
            _("German source"),
            _("German source"),
            settings.LANGUAGE_CODE,
            mark_safe(source),
        )


class RichTextFormMixin:
    """For a ModelForm of a translated model: `richtext_fields` get the editor in every
    language, with the German source beside each translation."""

    richtext_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.richtext_fields:
            source = getattr(self.instance, f"{name}_{settings.LANGUAGE_CODE}", "") or ""
            for code, _name in settings.LANGUAGES:
                field = self.fields.get(f"{name}_{code}")
                if field is None:
                    continue
                field.widget = RichTextWidget(
                    attrs={**field.widget.attrs, "lang": code, "rows": 8},
                    source=None if code == settings.LANGUAGE_CODE else source,
                )


class IssueForm(RichTextFormMixin, forms.ModelForm):
    richtext_fields = ("intro",)


class ArticleForm(RichTextFormMixin, forms.ModelForm):
    richtext_fields = ("body",)
