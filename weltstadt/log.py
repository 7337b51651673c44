"""One log format for every production process (Django under gunicorn, gunicorn itself, the
Celery worker and beat): one JSON object per line, time in UTC with its offset, the request id of
the request being served or of the request that enqueued the task.

Nothing secret reaches a line: path segments that are bearer tokens (confirmation, unsubscribe,
registration, ballot and expert links, password-reset keys) are replaced by their name in the
route, e-mail addresses by a short hash. This module imports no Django settings, so gunicorn's
master process can use the formatter before Django is set up.
"""

import contextvars
import hashlib
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
# the path of the request being served, as requested and with its secret segments replaced
_paths: contextvars.ContextVar["RequestPaths | None"] = contextvars.ContextVar(
    "log_paths", default=None
)

# route parameters that carry a bearer secret
SECRET_PARAMETER = re.compile(r"token|secret|key|uid|code|signature", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def _hash_email(match: re.Match) -> str:
    digest = hashlib.sha256(match.group(0).lower().encode()).hexdigest()[:12]
    return f"<email:{digest}>"


def redact(text: str) -> str:
    """What may be written to a log: secret path segments and addresses taken out."""
    paths = _paths.get()
    if paths is not None and paths.raw in text:
        text = text.replace(paths.raw, paths.safe)
    return EMAIL.sub(_hash_email, text)


def _utc(created: float) -> str:
    return datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")


def json_line(level: str, logger: str, message: str) -> str:
    """One log line built without the logging module (for signal handlers)."""
    record = {"time": _utc(time.time()), "level": level, "logger": logger, "message": message}
    return redact(json.dumps(record, ensure_ascii=False)) + "\n"


class JsonFormatter(_JsonFormatter):
    """{"time": "2026-12-07T01:02:03.456+00:00", "level": …, "logger": …, "message": …,
    "request_id": …, …extra fields}."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s", *args[1:], **kwargs)
        self.rename_fields.setdefault("asctime", "time")

    def formatTime(self, record, datefmt=None):
        return _utc(record.created)

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        # django.request passes the request object along: its repr holds the raw path
        log_record.pop("request", None)
        log_record.pop("color_message", None)
        if isinstance(log_record.get("server_time"), str):
            log_record.pop("server_time")
        rid = getattr(record, "request_id", None) or request_id.get()
        if rid:
            log_record["request_id"] = rid

    def format(self, record):
        return redact(super().format(record))


class PlainFormatter(logging.Formatter):
    """The development console's format, with the same UTC times and redaction."""

    def __init__(self, *args, **kwargs):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def formatTime(self, record, datefmt=None):
        return _utc(record.created)

    def format(self, record):
        line = super().format(record)
        rid = request_id.get()
        return redact(f"{line} [request {rid}]" if rid else line)


class QuietDisallowedHost(logging.Filter):
    """A wrong Host header is the internet's background noise, not an error: one warning line,
    no traceback."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def new_request_id(incoming: str | None) -> str:
    """The proxy's X-Request-ID if it looks like one, else a new one."""
    if incoming and REQUEST_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


def safe_path(request) -> str:
    """The request's path with each secret route parameter replaced by its name."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is None:
        from django.urls import Resolver404, resolve
        from django.utils import translation

        # the language prefix only resolves with its language active (LocaleMiddleware is later)
        language = translation.get_language_from_path(request.path_info)
        try:
            with translation.override(language or translation.get_language()):
                match = resolve(request.path_info)
        except Resolver404:
            return path
    for name, value in match.kwargs.items():
        if SECRET_PARAMETER.search(name) and isinstance(value, str) and value:
            path = path.replace(value, f"<{name}>")
    return path


class RequestPaths:
    """The request's path and its safe form, worked out only when a line holds the path: most
    requests write just the access line, after the view, when the URL is resolved already (a
    resolve of its own at the start cost every request more than some pages' whole view)."""

    def __init__(self, request):
        self.request = request
        self.raw = request.path
        self._safe = None

    @property
    def safe(self) -> str:
        if self._safe is None:
            self._safe = safe_path(self.request)
        return self._safe


access_logger = logging.getLogger("weltstadt.access")


class RequestLogMiddleware:
    """First in the chain: gives the request its id (answered as X-Request-ID), makes the logs of
    the request carry it and never its secrets, and writes one access line per request (gunicorn's
    own access log, which would write the raw path, is off)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Set, not reset at the end: Django logs a 4xx answer ("Not Found: …") after the
        # middleware chain returned; the next request on this thread sets its own.
        rid = new_request_id(request.META.get("HTTP_X_REQUEST_ID"))
        request.request_id = rid
        request_id.set(rid)
        paths = RequestPaths(request)
        _paths.set(paths)
        started = time.monotonic()
        response = self.get_response(request)
        response["X-Request-ID"] = rid
        path = paths.safe
        access_logger.info(
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response
