"""Numbers in the offices back-office: typed and read the reader's way."""

from django.db import models

from offices.forms import LocalizedCountField
from weltstadt.numbers import LocalizedNumbersAdminMixin


class OfficesNumbersAdminMixin(LocalizedNumbersAdminMixin):
    """Every DecimalField (the shared mixin) and every count (visitors, events) typed the reader's
    way: "2.300" visitors in German."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.PositiveIntegerField) and not db_field.choices:
            return LocalizedCountField(
                label=db_field.verbose_name.capitalize(),
                help_text=db_field.help_text,
                required=not db_field.blank,
                initial=db_field.default if db_field.has_default() else None,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
