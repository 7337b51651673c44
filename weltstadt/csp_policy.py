"""django-csp's middleware, with the site's policy built once per process.

django-csp builds the Content-Security-Policy header from the settings anew for every response,
which costs a page that renders in a millisecond a twentieth of its time. The header only changes
with the settings, or for a response with parts of its own (`csp_update`, `csp_replace`,
`csp_exempt`, … or a nonce the page used): those still go through django-csp unchanged.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as _CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed

# what csp.decorators set on a response
OWN_PARTS = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro",
)  # fmt: skip
POLICIES = (
    (HEADER, "CONTENT_SECURITY_POLICY", False),
    (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
)


@cache
def _site_policy(report_only: bool) -> str:
    return build_policy(report_only=report_only)


class CSPMiddleware(_CSPMiddleware):
    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in OWN_PARTS
        ):
            return super().process_response(request, response)
        if response.status_code in (404, 500) and settings.DEBUG:
            return response  # Django's debug pages, as django-csp leaves them
        for header, setting, report_only in POLICIES:
            policy = _site_policy(report_only)
            excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
            if (
                policy
                and header not in response
                and not request.path_info.startswith(tuple(excluded or ()))
            ):
                response[header] = policy
        # as django-csp: a nonce asked for after the header was written is an error
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _forget(**kwargs) -> None:
    _site_policy.cache_clear()


setting_changed.connect(_forget, dispatch_uid="weltstadt.csp.forget")
