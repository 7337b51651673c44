"""The production cache backend (weltstadt.cache): Django's Redis cache with one client reused
per connection pool, which must behave like Django's own, across threads and after a fork."""

import os
import threading
import time

import pytest
from django.core.cache.backends.redis import RedisCache

from weltstadt.cache import ReusedClientRedisCache

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache():
    url = os.environ["CELERY_BROKER_URL"].rsplit("/", 1)[0] + "/12"
    cache = ReusedClientRedisCache(url, {"KEY_PREFIX": "test-reused-client"})
    cache.clear()
    yield cache
    cache.clear()


def test_one_client_serves_every_operation_as_djangos_backend_would(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    django = RedisCache(redis_cache._servers[0], {"KEY_PREFIX": "test-reused-client"})
    redis_cache.set("page", {"content": b"<html>"}, 30)
    assert django.get("page") == {"content": b"<html>"}
    assert redis_cache.add("page", "other", 30) is False
    redis_cache.set("counter", 1)
    assert redis_cache.incr("counter", 2) == 3
    assert django.get("counter") == 3
    redis_cache.set_many({"a": 1, "b": 2})
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_threads_and_a_forked_process_share_it_safely(redis_cache):
    redis_cache.set("generation", "1")
    seen = []

    def read():
        for _ in range(50):
            seen.append(redis_cache.get("generation"))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == ["1"] * 200
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # a gunicorn worker forked from a preloaded master
        try:
            redis_cache.set("generation", "2")
            os.write(write_end, redis_cache.get("generation").encode())
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read_end, 10) == b"2"
    assert redis_cache.get("generation") == "2"


def test_every_process_learns_a_new_generation_from_redis_at_once(settings):
    """The WSGI front answers hits with this process's copy of the content generation
    (weltstadt.page_cache.GenerationWatch): a bump in another process reaches it through Redis
    in far less than the watch's once-a-second reread."""
    url = os.environ["CELERY_BROKER_URL"].rsplit("/", 1)[0] + "/12"
    settings.CACHES = {
        "default": {"BACKEND": "weltstadt.cache.ReusedClientRedisCache", "LOCATION": url}
    }
    from django.core.cache import cache

    from weltstadt.page_cache import GENERATION_KEY, GenerationWatch, generation_bump

    cache.clear()
    generation_bump()
    watch = GenerationWatch()
    assert _within(2.0, lambda: watch.get() == cache.get(GENERATION_KEY))
    for _ in range(3):
        before = watch.get()
        pid = os.fork()
        if pid == 0:  # another web process saves an edit
            try:
                generation_bump()
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        bumped = cache.get(GENERATION_KEY)
        assert bumped != before
        assert _within(0.3, lambda bumped=bumped: watch.get() == bumped)
    # the cache emptied by hand (no announcement): the reread finds the new state
    cache.clear()
    assert _within(2.5, lambda: watch.get() is None)
    watch.stop()
    cache.clear()


def _within(seconds: float, condition) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False
