"""The error summary at the top of a page whose form came back with errors (the GOV.UK pattern):
focus moves to it (static/js/forms.js), and each entry links to the field it is about.

base.html places `{% error_summary %}` above the content, so every form page has it: it finds
the bound forms and formsets of the page's context by itself.
"""

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from weltstadt.forms_rendering import row_errors_id

register = template.Library()


def _first_field_id(form) -> str:
    for field in form.visible_fields():
        return field.id_for_label or ""
    return ""


def _form_entries(form, row: int | None = None) -> list[dict]:
    prefix = _("Row %(number)s") % {"number": row} + " · " if row else ""
    entries = [
        {"target": row_errors_id(form) if row else _first_field_id(form), "text": prefix + error}
        for error in form.non_field_errors()
    ]
    for field in form:
        if field.is_hidden:
            continue
        for error in field.errors:
            entries.append(
                {"target": field.id_for_label, "text": f"{prefix}{field.label}: {error}"}
            )
    return entries


def _entries(value) -> list[dict]:
    if isinstance(value, BaseFormSet):
        if not value.is_bound:
            return []
        entries = [
            {"target": _first_field_id(value.forms[0]) if value.forms else "", "text": error}
            for error in value.non_form_errors()
        ]
        for number, form in enumerate(value.forms, 1):
            entries += _form_entries(form, row=number)
        return entries
    if isinstance(value, BaseForm) and value.is_bound:
        return _form_entries(value)
    return []


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context) -> dict:
    entries, seen = [], set()
    for name, value in context.flatten().items():
        # csrf_token is lazy: looking at it would make the page set the CSRF cookie, and a page
        # that sets a cookie is never kept in the page cache (weltstadt.page_cache)
        if (
            name == "csrf_token"
            or id(value) in seen
            or not isinstance(value, (BaseForm, BaseFormSet))
        ):
            continue
        seen.add(id(value))
        entries += _entries(value)
    return {"entries": entries}


@register.simple_tag
def csrf_field() -> str:
    """The CSRF field of a form on a page the page cache keeps for everyone (weltstadt.page_cache):
    empty in the page, so that no visitor's token is kept in it; static/js/csrf.js fills it in
    from the `csrf_token` URL when the form is sent."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf="{}">',
        reverse("csrf_token"),
    )
