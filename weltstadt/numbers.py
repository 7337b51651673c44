"""Numbers as people type and read them: each language's own decimal mark and grouping.

A German or Turkish reader writes "1.250,50", an English one "1,250.50". Browsers' number inputs
guess the locale and turned "12,50" into 1250 for a German board, so every field a person types a
number into is a text field parsed here by the strict rules of the Unicode CLDR (through Babel):
"12.50" in German is neither 12,50 nor 1.250, so it is refused with an example instead of being
read one way or the other. The field says back, as the person types, the amount it understood.
"""

import re
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError
from babel.numbers import format_decimal as babel_format_decimal
from babel.numbers import parse_decimal as babel_parse_decimal
from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


def _locale(language: str | None) -> Locale:
    code = (language or get_language() or "de").replace("-", "_")
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(code.split("_")[0] if "_" in code else "de")


def symbols(language: str | None = None) -> tuple[str, str]:
    """(decimal mark, group separator) of `language` (default: the active one)."""
    locale = _locale(language)
    return locale.number_symbols["latn"]["decimal"], locale.number_symbols["latn"]["group"]


def parse_decimal(text, language: str | None = None) -> Decimal:
    """The number `text` means to a reader of `language`; ValueError when it is not one, or when
    its grouping makes it ambiguous ("12.50" in German)."""
    if isinstance(text, Decimal | int):
        return Decimal(text)
    raw = str(text).translate(MINUS_SIGNS).strip()
    if not raw or "\x00" in raw or len(raw) > 64:
        raise ValueError("not a number")
    locale = _locale(language)
    decimal_mark, group = symbols(language)
    if SPACES.fullmatch(group) or group in "\u00a0\u202f":
        raw = SPACES.sub(group, raw)
    elif SPACES.search(raw):
        raise ValueError("not a number")
    if raw.startswith("+"):
        raw = raw[1:]
    if not re.fullmatch(r"-?[0-9" + re.escape(group + decimal_mark) + r"]+", raw):
        raise ValueError("not a number")
    try:
        value = babel_parse_decimal(raw, locale=locale, strict=True)
    except (NumberFormatError, InvalidOperation) as error:
        raise ValueError(str(error)) from error
    if not value.is_finite():
        raise ValueError("not a number")
    return value


def format_decimal(value, language: str | None = None, places: int | None = None) -> str:
    """`value` for a reader of `language`, grouped ("1.250,50"); `places` fixes the decimals."""
    if value is None or value == "":
        return ""
    pattern = None
    if places is not None:
        pattern = "#,##0" + ("." + "0" * places if places else "")
    return babel_format_decimal(
        Decimal(value), format=pattern, locale=_locale(language), decimal_quantization=True
    )


def example(language: str | None = None, places: int = 2) -> str:
    """An example of the expected form, e.g. "1.250,50" in German."""
    return format_decimal(Decimal("1250.50"), language, places=places or None)


def plain(value, language: str | None = None) -> str:
    """`value` without grouping, with the language's decimal mark: what an input field shows."""
    if value is None or value == "":
        return ""
    decimal_mark, _group = symbols(language)
    return format(Decimal(value), "f").replace(".", decimal_mark)


class _LocalizedLimit:
    """Bound validators whose message shows the limit as the reader writes numbers."""

    def __call__(self, value):
        try:
            super().__call__(value)
        except ValidationError as error:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"limit_value": format_decimal(self.limit_value), "show_value": value},
            ) from error


class LocalizedMinValueValidator(_LocalizedLimit, validators.MinValueValidator):
    pass


class LocalizedMaxValueValidator(_LocalizedLimit, validators.MaxValueValidator):
    pass


class LocalizedNumberInput(forms.TextInput):
    """A text input for numbers (inputmode=decimal) followed by a live echo of what was understood
    (static/js/number-echo.js); without JavaScript the form's own review or errors say it."""

    class Media:
        js = ["js/number-echo.js"]

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int | float):
            return plain(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        decimal_mark, group = symbols()
        attrs = {
            **(attrs or {}),
            "data-number-echo": "",
            "data-decimal": decimal_mark,
            "data-group": group,
            "data-lang": (get_language() or "de"),
        }
        return super().get_context(name, value, attrs)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        return format_html(
            '{}<output class="number-echo" aria-live="polite" data-understood="{}"'
            ' data-invalid="{}"></output>',
            html,
            _("Understood as"),
            _("Please write the number like %(example)s.") % {"example": example()},
        )


class LocalizedDecimalField(forms.DecimalField):
    """A DecimalField that reads numbers as the active language writes them."""

    widget = LocalizedNumberInput

    def __init__(self, *, max_value=None, min_value=None, **kwargs):
        kwargs.pop("localize", None)
        super().__init__(**kwargs)
        self.max_value, self.min_value = max_value, min_value
        self.validators = [
            v
            for v in self.validators
            if not isinstance(v, validators.MinValueValidator | validators.MaxValueValidator)
        ]
        if max_value is not None:
            self.validators.append(LocalizedMaxValueValidator(max_value))
        if min_value is not None:
            self.validators.append(LocalizedMinValueValidator(min_value))

    def widget_attrs(self, widget):
        # no min/max/step attributes: they belong to type=number, which this field avoids
        return {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = parse_decimal(value)
        except ValueError:
            raise ValidationError(
                _("Please write the number like %(example)s."),
                code="invalid",
                params={"example": example(places=self.decimal_places or 0)},
            ) from None
        return number


class LocalizedNumbersAdminMixin:
    """ModelAdmin or inline mixin: every DecimalField of the model is typed the reader's way."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DecimalField) and not db_field.choices:
            kwargs.setdefault("form_class", LocalizedDecimalField)
            kwargs.setdefault("widget", LocalizedNumberInput)
            kwargs.pop("localize", None)
            # the model's bounds, checked by the form first so that their message says the
            # limit as the reader writes numbers ("0,01", not "0.01")
            for validator in db_field.validators:
                if isinstance(validator, validators.MinValueValidator):
                    kwargs.setdefault("min_value", validator.limit_value)
                elif isinstance(validator, validators.MaxValueValidator):
                    kwargs.setdefault("max_value", validator.limit_value)
            return db_field.formfield(**kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
