"""The language of an API response: ?lang= first, then Accept-Language, then German.

Not the page's language cookie or URL prefix: an API answer depends only on what the request says,
so that a shared cache can key it on the URL and Accept-Language alone.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError

LANG_PARAM = "lang"
CODES = [code for code, _name in settings.LANGUAGES]


def api_language(request) -> str:
    """The language to answer `request` in; a ?lang= outside the six is refused (400)."""
    asked = request.query_params.get(LANG_PARAM)
    if asked is not None:
        code = asked.strip().lower()
        if code not in CODES:
            raise ValidationError(
                {LANG_PARAM: [_("Choose one of: %(codes)s.") % {"codes": ", ".join(CODES)}]}
            )
        return code
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for tag, _quality in parse_accept_lang_header(header[:500]):
        code = tag.split("-")[0].lower()
        if code in CODES:
            return code
    return settings.LANGUAGE_CODE
