from django.conf import settings
from django.urls import translate_url

from weltstadt.programmes import PROGRAMMES


def site(request):
    """The language switcher and hreflang alternates: this page in every language."""
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": settings.LANGUAGE_NATIVE_NAMES[code],
            "url": translate_url(path, code),
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "alternates": alternates,
        "site_url": settings.SITE_URL,
        "programmes": PROGRAMMES,
        "association": settings.ASSOCIATION,
    }
