"""Per cent as each language writes it: "62,5 %" in German, "%62,5" in Turkish, "62.5%" in
English (the CLDR percent pattern of the language, through Babel)."""

from decimal import Decimal

from babel import Locale, UnknownLocaleError
from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language

register = template.Library()


def percent_text(value, language: str | None = None, places: int = 1) -> str:
    if value is None or value == "":
        return ""
    code = (language or get_language() or "de").split("-")[0]
    try:
        pattern = Locale.parse(code).percent_formats[None].pattern
    except (UnknownLocaleError, ValueError, KeyError):
        pattern = "#,##0\xa0%"
    number = floatformat(Decimal(str(value)), f"{places}g")
    return pattern.split(";")[0].replace("#,##0", number, 1)


@register.filter
def percent(value, places: int = 1) -> str:
    """`{{ 62.5|percent }}` → "62,5 %" (de), "%62,5" (tr), "62.5%" (en)."""
    return percent_text(value, places=places)
