"""Deployment check: one-click unsubscribe (RFC 8058) needs an https List-Unsubscribe URL."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_site_url_https(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        checks.Warning(
            "WELTSTADT_SITE_URL is not https: mail providers ignore List-Unsubscribe-Post "
            "(RFC 8058 one-click unsubscribe) unless the List-Unsubscribe URL is https.",
            hint="Set WELTSTADT_SITE_URL=https://… in production.",
            id="newsletter.W001",
        )
    ]
