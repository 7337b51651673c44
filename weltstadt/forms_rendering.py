"""How every form of the portal renders: errors tied to what they are about, selects fast.

Django ties a field's own errors to it (aria-describedby="<id>_error"); a row of a formset can
also have errors of its own (two fields that disagree), which no field pointed to. Every field of
such a row now names them too, rendered by the templates as `<prefix>-errors`.

A select renders each of its options through two template includes: the country select of a
public form (250 options) took three quarters of its page's time. Django's own select and option
templates are therefore written out here in Python, character for character the same markup.
"""

from pathlib import Path

import django
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def row_errors_id(form) -> str:
    """The id of a formset row's own errors."""
    return f"{form.prefix}-errors"


class RowAwareBoundField(BoundField):
    @property
    def aria_describedby(self):
        described_by = super().aria_describedby
        if described_by is None:  # set on the widget by hand: left as it is
            return None
        if self.form.prefix and self.form.is_bound and self.form.non_field_errors():
            described_by = f"{described_by} {row_errors_id(self.form)}".strip()
        return described_by


def _text(value) -> str:
    """`{{ value }}` in a template: localized if a number or date, escaped unless safe."""
    if not isinstance(value, str | Promise):
        value = localize(value)
    return conditional_escape(str(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {conditional_escape(name)}"
        + ("" if value is True else f'="{conditional_escape(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )


def _select_html(widget: dict) -> str:
    """django/forms/widgets/select.html with its options (select_option.html), stripped."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        parts += [
            f'\n  <option value="{conditional_escape(str(option["value"]))}"'
            f"{_attrs(option['attrs'])}>{_text(option['label'])}</option>\n"  # the file's own
            for option in options
        ]
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class PortalFormRenderer(DjangoTemplates):
    bound_field_class = RowAwareBoundField

    @cached_property
    def _select_templates_are_djangos(self) -> bool:
        """No installed app overrides the select templates written out in `_select_html`."""
        forms_dir = Path(django.__file__).parent / "forms" / "templates"
        return all(
            Path(self.get_template(name).origin.name).is_relative_to(forms_dir)
            for name in (SELECT_TEMPLATE, OPTION_TEMPLATE)
        )

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT_TEMPLATE else None
        if (
            widget is not None
            and self._select_templates_are_djangos
            and all(
                option["template_name"] == OPTION_TEMPLATE
                for _name, options, _index in widget["optgroups"]
                for option in options
            )
        ):
            return mark_safe(_select_html(widget))
        return super().render(template_name, context, request=request)
