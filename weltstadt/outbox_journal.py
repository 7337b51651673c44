"""Where a delivery records each message the mail server has accepted.

The journal is keyed by the message (the outbox row), not by the delivery that sent it: whatever
dies when — a worker, its task message, a claim the sweep recovers — a row the mail server accepted
is never handed to it again. It must outlive a worker crash, so with Redis it lives in Redis
(shared by all workers, written once per message, no database query); without one, tasks run
in-process and the Django cache is enough.
"""

from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache

TIMEOUT = 7 * 24 * 3600
PREFIX = "weltstadt:outbox:accepted"


@memoize
def _redis():
    url = settings.REDIS_URL or settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://")):
        return None
    import redis

    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def _key(mail) -> str:
    # The row's id and creation time: unique for the message, even where ids are reused (a
    # database restored from a backup, test databases sharing one Redis).
    return f"{PREFIX}:{mail.pk}:{mail.created_at.timestamp():.6f}"


def journal_sent_ids(mails) -> set[int]:
    """Which of these outbox rows has a mail server already accepted?"""
    mails = list(mails)
    if not mails:
        return set()
    keys = [_key(mail) for mail in mails]
    client = _redis()
    values = client.mget(keys) if client else [cache.get(key) for key in keys]
    return {mail.pk for mail, value in zip(mails, values, strict=True) if value}


def journal_record(mail) -> None:
    client = _redis()
    if client:
        client.set(_key(mail), 1, ex=TIMEOUT)
    else:
        cache.set(_key(mail), 1, TIMEOUT)
