from django import template

from ambassadors.selectors import ambassador_for_user

register = template.Library()


@register.simple_tag
def ambassador_of(user):
    """The user's ambassador record, or None (the member-area section shows only for them)."""
    return ambassador_for_user(user)
