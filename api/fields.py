"""Serializer fields shared by every resource."""

from django.conf import settings
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from weltstadt.templatetags.weltstadt_lang import shown_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

TRANSLATED_SCHEMA = inline_serializer(
    "TranslatedText",
    {
        "value": serializers.CharField(help_text="The text, in `lang`."),
        "lang": serializers.ChoiceField(LANGUAGE_CODES, help_text="The language of `value`."),
        "fallback": serializers.BooleanField(
            help_text="True when the language asked for has no text and `value` is in another."
        ),
    },
)


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """A modeltranslation field as {"value", "lang", "fallback"}: the text in the language asked
    for, or its fallback (German, then English) marked as such, like the pages' `lang_attr`."""

    def __init__(self, model_field: str | None = None, **kwargs):
        self.model_field = model_field
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.model_field = self.model_field or field_name

    def to_representation(self, obj):
        active = get_language()
        lang = shown_language(obj, self.model_field)
        value = getattr(obj, self.model_field) or ""
        return {"value": str(value), "lang": lang, "fallback": bool(value) and lang != active}


@extend_schema_field({"type": "string", "pattern": "^[A-Z]{2}$", "example": "DE"})
class CountryCodeField(serializers.Field):
    """An ISO 3166-1 alpha-2 code (django-countries stores it as Country)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return str(getattr(value, "code", value) or "")


@extend_schema_field({"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}})
class CountryListField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [str(getattr(country, "code", country)) for country in value or []]


@extend_schema_field({"type": "string", "format": "uri"})
class PageUrlField(serializers.Field):
    """The object's public page in the language of the response, as an absolute address."""

    def __init__(self, path=None, **kwargs):
        self.path = path or (lambda obj: obj.get_absolute_url())
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return f"{settings.SITE_URL}{self.path(obj)}"
