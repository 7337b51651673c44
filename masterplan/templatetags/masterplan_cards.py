"""`{% indicator_card indicator %}`: the card of an indicator, rendered once per data change."""

from django import template

from masterplan.cards import indicator_card as _indicator_card

register = template.Library()


@register.simple_tag
def indicator_card(indicator):
    return _indicator_card(indicator)
