from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def _broker_ok() -> bool | None:
    """None when there is no broker: tasks run in-process (embedded mode)."""
    if not settings.CELERY_BROKER_URL:
        return None
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


class HealthCheckMiddleware:
    """Answer `/healthz` before host validation and the HTTPS redirect.

    Container and load-balancer probes call it over plain HTTP with the container's own address
    as host; behind `ALLOWED_HOSTS` and `SECURE_SSL_REDIRECT` they would get 400 or 301 instead of
    the portal's health. The answer holds no data worth protecting.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)


@never_cache
@require_GET
def healthz(request):
    database = _database_ok()
    broker = _broker_ok()
    healthy = database and broker is not False
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": "ok" if database else "unreachable",
            "broker": {None: "eager", True: "ok", False: "unreachable"}[broker],
        },
        status=200 if healthy else 503,
    )
