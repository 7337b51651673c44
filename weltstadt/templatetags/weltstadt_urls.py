from django import template
from django.conf import settings

register = template.Library()


@register.filter
def absolute_url(url: str) -> str:
    """A URL a mail reader can open: media on the site get the site's address; media already
    absolute (object storage, a CDN) stay as they are."""
    url = str(url or "")
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return f"{settings.SITE_URL}{url}"
