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


class JournalWriter:
    """Records acceptances for a batch on one Redis connection without waiting for each reply.

    Each record is written to Redis's socket before the next message is handed to the mail
    server, so what a crash can repeat is still only the message in flight (the kernel delivers
    what a killed process had written); the replies are read, and any error raised, when the
    batch is done, before its rows are marked sent. One round trip per batch, not per message.
    """

    def __init__(self):
        self.client = _redis()
        self.connection = None
        self.pending = 0

    def __enter__(self) -> "JournalWriter":
        if self.client:
            self.connection = self.client.connection_pool.get_connection("SET")
        return self

    def record(self, mail) -> None:
        if self.connection is None:
            journal_record(mail)
            return
        self.connection.send_command("SET", _key(mail), 1, "EX", TIMEOUT)
        self.pending += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.connection is None:
            return
        try:
            for _ in range(self.pending):
                self.connection.read_response()
        except Exception:
            self.connection.disconnect()  # unread replies must not reach the next user
            raise
        finally:
            self.client.connection_pool.release(self.connection)
