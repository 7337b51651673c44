"""Numbers typed the reader's way: strict parsing per language, local bounds, the admin mixin."""

from decimal import Decimal

import pytest
from django import forms
from django.contrib import admin
from django.utils import translation

from weltstadt.numbers import (
    LocalizedDecimalField,
    LocalizedNumbersAdminMixin,
    format_decimal,
    parse_decimal,
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "12,50", "12.50"),
        ("de", "1.250,50", "1250.50"),
        ("de", "1250", "1250"),
        ("tr", "1.250,50", "1250.50"),
        ("tr", "12,5", "12.5"),
        ("en", "1,250.50", "1250.50"),
        ("en", "12.50", "12.50"),
        ("fr", "1 250,50", "1250.50"),
        ("fr", "1\u202f250,50", "1250.50"),
        ("es", "1.250,50", "1250.50"),
        ("de", "\u22125", "-5"),
    ],
)
def test_each_language_reads_its_own_way_of_writing(language, text, expected):
    assert parse_decimal(text, language) == Decimal(expected)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "12.50"),  # neither 12,50 nor 1.250: ambiguous, refused
        ("en", "12,50"),
        ("de", "1.25.0"),
        ("de", "1 250,50"),
        ("de", "12,5a"),
        ("de", ""),
        ("de", "NaN"),
        ("de", "Infinity"),
        ("de", "1\x00"),
        ("de", "1" * 100),
        ("de", "²"),
    ],
)
def test_what_is_not_clearly_a_number_is_refused(language, text):
    with pytest.raises(ValueError):  # noqa: PT011 (the message is Babel's suggestion)
        parse_decimal(text, language)


def test_numbers_are_written_with_the_readers_marks():
    assert format_decimal(Decimal("1250.5"), "de", places=2) == "1.250,50"
    assert format_decimal(Decimal("1250.5"), "en", places=2) == "1,250.50"
    assert format_decimal(Decimal("1250.5"), "tr", places=2) == "1.250,50"


class AmountForm(forms.Form):
    amount = LocalizedDecimalField(
        max_digits=14, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal("50000")
    )


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "12,50", "12.50"), ("de", "1.250,50", "1250.50"), ("en", "1,250.50", "1250.50")],
)
def test_the_form_field_saves_what_the_reader_meant(language, text, expected):
    with translation.override(language):
        form = AmountForm({"amount": text})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal(expected)


def test_the_form_field_explains_with_an_example_and_local_bounds():
    with translation.override("de"):
        form = AmountForm({"amount": "12.50"})
        assert not form.is_valid()
        assert "1.250,50" in form.errors["amount"][0]
        form = AmountForm({"amount": "-5"})
        assert not form.is_valid()
        assert "0,01" in form.errors["amount"][0]
        assert "0.01" not in form.errors["amount"][0]
        form = AmountForm({"amount": "999.999.999.999,99"})
        assert not form.is_valid()
        assert "50.000" in form.errors["amount"][0]


def test_the_input_is_text_with_a_live_echo_and_never_a_browser_number_input():
    with translation.override("de"):
        html = str(AmountForm(initial={"amount": Decimal("1250.50")})["amount"])
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html
    assert 'value="1250,50"' in html
    assert 'data-decimal=","' in html
    assert 'class="number-echo"' in html
    assert 'type="number"' not in html


def test_the_admin_mixin_gives_model_decimal_fields_the_localized_field():
    from offices.models import Payment

    class PaymentAdmin(LocalizedNumbersAdminMixin, admin.ModelAdmin):
        pass

    model_admin = PaymentAdmin(Payment, admin.site)
    field = model_admin.formfield_for_dbfield(Payment._meta.get_field("amount"), request=None)
    assert isinstance(field, LocalizedDecimalField)
    with translation.override("de"):
        assert field.clean("1.250,50") == Decimal("1250.50")
        with pytest.raises(forms.ValidationError) as error:
            field.clean("0")
    assert "0,01" in str(error.value)
