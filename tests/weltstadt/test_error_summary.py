"""A form that comes back with errors starts with a summary linking to each field, and a formset
row's own errors are tied to the row's fields."""

import pytest
from django import forms
from django.forms import formset_factory

pytestmark = pytest.mark.django_db


def test_a_failed_login_starts_with_an_error_summary_linking_to_the_fields(client):
    page = client.post("/en/accounts/login/", {"login": "", "password": ""}).content.decode()
    summary = page.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert 'href="#id_login"' in summary
    assert 'href="#id_password"' in summary
    main = page.index("<main")  # the header's search box is a form too
    assert main < page.index("data-error-summary") < page.index("<form", main)


def test_a_page_without_errors_has_no_summary(client):
    assert "data-error-summary" not in client.get("/en/accounts/login/").content.decode()


class _MemberForm(forms.Form):
    name = forms.CharField()
    email = forms.EmailField()

    def clean(self):
        raise forms.ValidationError("Name and e-mail do not belong together.")


def test_a_rows_own_errors_are_tied_to_its_fields():
    formset = formset_factory(_MemberForm, extra=0)(
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-name": "Ayşe",
            "form-0-email": "ayse@example.org",
        }
    )
    assert not formset.is_valid()
    html = str(formset.forms[0]["name"])
    assert 'aria-describedby="form-0-errors"' in html


def test_a_formset_rows_errors_reach_the_summary():
    from django.template import engines

    formset = formset_factory(_MemberForm, extra=0)(
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": "", "form-0-email": "x"}
    )
    formset.is_valid()
    html = engines["django"].from_string("{% error_summary %}").render({"formset": formset})
    assert 'href="#id_form-0-name"' in html
    assert 'href="#form-0-errors"' in html
    assert "Row 1" in html
