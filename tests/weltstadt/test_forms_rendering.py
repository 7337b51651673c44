"""Selects are written out in Python (weltstadt.forms_rendering): the same markup, character for
character, as Django's select and option templates give."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy, override
from django_countries.fields import CountryField
from django_countries.widgets import CountrySelectWidget

from weltstadt.forms_rendering import PortalFormRenderer


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=[("", "---"), ("a", "A & B"), ("b", '<b>"x"</b>')])
    grouped = forms.ChoiceField(
        choices=[("Nord", [("hh", "Hamburg"), ("hb", "Bremen")]), ("x", gettext_lazy("Country"))],
        widget=forms.Select(attrs={"class": "wide", "data-x": 3, "autofocus": True}),
    )
    several = forms.MultipleChoiceField(choices=[(1, 1000), (2, 2000.5)], required=False)
    yes_no = forms.NullBooleanField(required=False)
    country = CountryField(blank=True).formfield()
    flagged = CountryField().formfield(widget=CountrySelectWidget())


def _by_templates(form: forms.Form, name: str) -> str:
    """The field as Django's own renderer draws it, through the templates."""
    plain = form.__class__(form.data if form.is_bound else None, renderer=DjangoTemplates())
    if name not in plain.fields:
        plain.fields[name] = form.fields[name]
    return str(plain[name])


@pytest.mark.parametrize("language", ["de", "tr", "en"])
@pytest.mark.parametrize("bound", [False, True])
def test_every_select_is_the_same_markup_as_djangos_templates(language, bound):
    data = {"plain": "a", "grouped": "hb", "several": ["1", "2"], "yes_no": "true", "country": "TR"}
    form = Sample(data if bound else None, renderer=PortalFormRenderer())
    with override(language):
        for name in form.fields:
            field = form[name]
            fast = str(field.as_widget())
            assert fast == _by_templates(form, name), name
            assert fast.startswith("<select")


def test_the_selected_option_and_escaping():
    form = Sample({"plain": "b", "country": "DE"}, renderer=PortalFormRenderer())
    html = str(form["plain"])
    assert '<option value="b" selected>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</option>' in html
    assert '<option value="a">A &amp; B</option>' in html
    grouped = str(form["grouped"])
    assert '<optgroup label="Nord">' in grouped
    assert "autofocus" in grouped


def test_a_widget_with_another_option_template_goes_through_the_templates():
    class Listed(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    form = forms.Form(renderer=PortalFormRenderer())
    form.fields["x"] = forms.ChoiceField(choices=[("a", "A")], widget=Listed())
    html = str(form["x"])
    assert "<label" in html
    assert "<option" not in html
    assert html == _by_templates(form, "x")
