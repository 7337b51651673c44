"""Where a delivery records each message it has handed to the mail server.

It must outlive a worker crash, so with a Redis broker it lives in that Redis (shared by all
workers, written once per message, no database query); without one, tasks run in-process and the
Django cache is enough.
"""

from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache

TIMEOUT = 2 * 24 * 3600
PREFIX = "weltstadt:outbox:sent"


@memoize
def _redis():
    url = settings.REDIS_URL or settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://")):
        return None
    import redis

    return redis.Redis.from_url(url)


def _key(token: str, mail_id: int) -> str:
    return f"{PREFIX}:{token}:{mail_id}"


def journal_sent_ids(token: str, mail_ids: list[int]) -> set[int]:
    """Which of these rows did the delivery `token` already send?"""
    keys = [_key(token, mail_id) for mail_id in mail_ids]
    if not keys:
        return set()
    client = _redis()
    values = client.mget(keys) if client else [cache.get(key) for key in keys]
    return {mail_id for mail_id, value in zip(mail_ids, values, strict=True) if value}


def journal_record(token: str, mail_id: int) -> None:
    client = _redis()
    if client:
        client.set(_key(token, mail_id), 1, ex=TIMEOUT)
    else:
        cache.set(_key(token, mail_id), 1, TIMEOUT)
