"""How every form of the portal renders: errors tied to what they are about.

Django ties a field's own errors to it (aria-describedby="<id>_error"); a row of a formset can
also have errors of its own (two fields that disagree), which no field pointed to. Every field of
such a row now names them too, rendered by the templates as `<prefix>-errors`.
"""

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates


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


class PortalFormRenderer(DjangoTemplates):
    bound_field_class = RowAwareBoundField
