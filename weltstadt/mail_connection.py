"""The mail connection of a worker process, and backing off from a mail server that refuses.

Guarantees:
- a process keeps its SMTP connection open from one batch to the next (checked with a NOOP
  before each batch, opened again if the server dropped it): a send of many batches logs in once
  per worker process, not once per batch;
- while the mail server cannot be reached or refuses service (connection refused or dropped,
  421, a temporary refusal of the sender), deliveries do not hammer it: the first failure closes
  the way for OUTBOX_SMTP_BACKOFF_SECONDS, each further one doubles that, up to
  OUTBOX_SMTP_BACKOFF_MAX_SECONDS; when the time is up, one delivery across all workers tries
  the server (an atomic `cache.add`) while the others leave their rows waiting. The state lives
  in the cache (Redis in production), shared by every worker; the first success clears it.
"""

import math
import smtplib
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

FAILURES = "weltstadt:mail-server:failures"
UNTIL = "weltstadt:mail-server:until"
PROBE = "weltstadt:mail-server:probe"
STATE_TIMEOUT = 24 * 3600

_local = threading.local()


class ServerUnavailable(Exception):
    """The mail server is not taking mail now; try again in `delay` seconds."""

    def __init__(self, message: str, delay: float):
        super().__init__(message)
        self.delay = delay


def server_refused(exc: BaseException) -> bool:
    """Is this the server refusing service (every message would fail), not one message?"""
    if isinstance(exc, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code == 421 for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421
    if isinstance(exc, smtplib.SMTPException):
        return False
    return isinstance(exc, OSError)  # refused, reset, timed out, unreachable


def _base() -> float:
    return float(settings.OUTBOX_SMTP_BACKOFF_SECONDS)


def backoff_failed(reason: str) -> ServerUnavailable:
    """Record a refusal by the server; the way stays closed for a growing delay."""
    cache.add(FAILURES, 0, STATE_TIMEOUT)
    try:
        failures = cache.incr(FAILURES)
    except ValueError:  # expired in between
        cache.set(FAILURES, failures := 1, STATE_TIMEOUT)
    delay = min(_base() * 2 ** (failures - 1), float(settings.OUTBOX_SMTP_BACKOFF_MAX_SECONDS))
    cache.set(UNTIL, time.time() + delay, STATE_TIMEOUT)
    cache.delete(PROBE)
    return ServerUnavailable(reason, delay)


def _backoff_check() -> bool:
    """Raise ServerUnavailable while backing off; True if this caller is the one to try."""
    state = cache.get_many([FAILURES, UNTIL])
    if not state:
        return False
    wait = state.get(UNTIL, 0) - time.time()
    if wait > 0:
        raise ServerUnavailable("waiting for the mail server to take mail again", wait)
    # one delivery tries; the lock ends with its result, or after a connection's time limit
    if not cache.add(PROBE, 1, math.ceil(settings.EMAIL_TIMEOUT or 30) + 5):
        raise ServerUnavailable("another delivery is trying the mail server", _base())
    return True


def _settings_key() -> tuple:
    return tuple(
        getattr(settings, name, None)
        for name in (
            "EMAIL_BACKEND",
            "EMAIL_HOST",
            "EMAIL_PORT",
            "EMAIL_HOST_USER",
            "EMAIL_USE_TLS",
            "EMAIL_USE_SSL",
        )
    )


def _alive(connection: SMTPBackend) -> bool:
    try:
        return connection.connection is not None and connection.connection.noop()[0] == 250
    except (smtplib.SMTPException, OSError):
        return False


def mail_connection():
    """An open connection of the configured mail backend. Raises ServerUnavailable while the
    server refuses (see the module docstring). Give it back with `mail_connection_release`."""
    probing = _backoff_check()
    kept = getattr(_local, "kept", None)
    if kept and kept[0] == _settings_key():
        if _alive(kept[1]):
            return kept[1]
        kept[1].close()
    _local.kept = None
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as exc:
        if not server_refused(exc):
            raise
        raise backoff_failed(f"{type(exc).__name__}: {exc}") from exc
    if probing:
        cache.delete_many([FAILURES, UNTIL, PROBE])
    if isinstance(connection, SMTPBackend):
        _local.kept = (_settings_key(), connection)
    return connection


def mail_connection_release(connection, *, broken: bool = False) -> None:
    """Keep an SMTP connection for the next batch; close any other, or a broken one."""
    kept = getattr(_local, "kept", None)
    if broken or not kept or kept[1] is not connection:
        if kept and kept[1] is connection:
            _local.kept = None
        connection.close()


def mail_connection_close() -> None:
    """Close the kept connection (a worker process shutting down)."""
    kept = getattr(_local, "kept", None)
    _local.kept = None
    if kept:
        kept[1].close()
