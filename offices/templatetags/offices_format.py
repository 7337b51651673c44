"""Money and dates as the reader's language writes them, on pages and in mail alike."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import formats

from weltstadt.templatetags.weltstadt_format import iso_date

register = template.Library()


@register.filter
def money(amount, currency: str = "") -> str:
    """`4.520,60 EUR` in German, `4,520.60 EUR` in English: grouped, two decimals, the ISO code
    after a non-breaking space. Takes a Decimal or its text (mail contexts are JSON) and never
    goes through a float; the CSV export does not use this, it stays machine-readable."""
    if amount is None or amount == "":
        return ""
    if not isinstance(amount, Decimal):
        try:
            amount = Decimal(str(amount))
        except InvalidOperation:
            return str(amount)
    number = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{number}\u00a0{currency}" if currency else number


register.filter("iso_date", iso_date)


@register.filter
def office_status(value: str) -> str:
    """An office status code (as a mail context holds it) as its label in the active language."""
    from offices.models import Office

    return Office.Status(value).label if value in Office.Status.values else value
