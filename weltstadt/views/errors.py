import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
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


# how long a client (or a proxy) should wait before asking again while the database is away
DATABASE_UNAVAILABLE_RETRY_AFTER = 30


def server_error(request):
    """500, or 503 with Retry-After when the database could not be reached (restarting,
    failing over): nothing is wrong with the request, and asking again shortly will work."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(_without_request("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_UNAVAILABLE_RETRY_AFTER)
        return response
    return HttpResponseServerError(_without_request("500.html"))
