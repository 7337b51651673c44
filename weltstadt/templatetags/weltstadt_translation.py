from django import template

from weltstadt.translation_roles import exchange_languages, may_edit_catalogue

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_access(context) -> dict:
    """What the translation pages offer the signed-in staff member (for the admin index)."""
    user = context["request"].user
    return {"exchange": bool(exchange_languages(user)), "catalogues": may_edit_catalogue(user)}
