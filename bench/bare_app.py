"""The yardstick of bench/web.py: Django of the same version, under the same gunicorn settings,
with as many (pass-through) middleware as the portal, answering `/<size>` with a constant HTML
page of that many bytes. `gunicorn bench.bare_app:application`, BARE_MIDDLEWARE=<count>."""

import os

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


class PassThrough:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)


def page(request, size: int):
    body = b"<!DOCTYPE html><html><body>" + b"x" * max(size - 42, 0) + b"</body></html>"
    return HttpResponse(body[:size] if size >= 42 else body)


urlpatterns = [path("<int:size>", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-app-benchmark-only",
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[f"{__name__}.PassThrough"] * int(os.environ.get("BARE_MIDDLEWARE", "20")),
    USE_I18N=False,
)
django.setup()
application = get_wsgi_application()
