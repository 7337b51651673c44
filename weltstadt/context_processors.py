from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from weltstadt.chrome import alternates
from weltstadt.programmes import PROGRAMMES


def site(request):
    """The language switcher and hreflang alternates: this page in every language."""
    return {
        "alternates": alternates(
            get_language(), request.get_full_path(), get_script_prefix(), get_urlconf()
        ),
        "site_url": settings.SITE_URL,
        "programmes": PROGRAMMES,
        "association": settings.ASSOCIATION,
    }
