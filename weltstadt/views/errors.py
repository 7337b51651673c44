from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from weltstadt.log import request_id
from weltstadt.programmes import PROGRAMMES


def _without_request(template: str) -> str:
    """Render an error page without the request: whatever broke (a forged Host header, a
    failing session or database) may be in there, and the error page must not fail as well."""
    return loader.render_to_string(
        template,
        {
            "programmes": PROGRAMMES,
            "site_url": settings.SITE_URL,
            # the page says someone was told only when someone is (ADMINS or Sentry)
            "errors_reported": settings.ERRORS_REPORTED,
            "request_id": request_id.get(),
        },
    )


def bad_request(request, exception=None):
    return HttpResponseBadRequest(_without_request("400.html"))


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(_without_request("500.html"))
