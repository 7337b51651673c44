"""Errors reach the people in ADMINS by mail, through the outbox, rate-limited.

One mail per kind of error (logger, place in the code, exception type) and interval, shared by all
processes through the cache (Redis in production). Reporting must never break what it reports: if
the outbox cannot take the mail (the error may be the database), it is sent directly; if that fails
too, the log line is all there is.
"""

import hashlib
import logging
import socket
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.mail import mail_admins
from django.db import transaction

from weltstadt.log import redact, request_id

_reporting = threading.local()


class OutboxAdminHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if not settings.ADMINS or getattr(_reporting, "active", False):
            return
        _reporting.active = True
        try:
            self._report(record)
        except Exception:  # never let reporting raise into the code that logged
            pass
        finally:
            _reporting.active = False

    def _report(self, record: logging.LogRecord) -> None:
        interval = settings.ERROR_MAIL_INTERVAL_SECONDS
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        signature = f"{record.name}:{record.pathname}:{record.lineno}:{kind}"
        digest = hashlib.sha256(signature.encode()).hexdigest()[:16]
        try:
            first = cache.add(f"weltstadt:error-mail:{digest}", 1, interval)
        except Exception:
            first = True  # no cache: better one mail too many than none
        if not first:
            return
        summary = " ".join(redact(record.getMessage()).split())[:120]
        details = redact(logging.Formatter().format(record))
        context = {
            "summary": summary,
            "details": details,
            "minutes": interval // 60,
            "request_id": getattr(record, "request_id", None) or request_id.get() or "",
            "process": f"{socket.gethostname()} pid {record.process}",
        }
        try:
            self._enqueue(digest, int(time.time() // max(interval, 1)), context)
        except Exception:
            mail_admins(f"Error: {summary}", details, fail_silently=True)

    def _enqueue(self, digest: str, bucket: int, context: dict) -> None:
        from weltstadt.outbox import mail_enqueue

        with transaction.atomic():
            for _name, address in settings.ADMINS:
                mail_enqueue(
                    key=f"error-report:{digest}:{bucket}:{address}",
                    to=address,
                    template="weltstadt/error_report",
                    language=settings.LANGUAGE_CODE,
                    context=context,
                )
