"""A fixed-window request limit per client address, kept in the Django cache (shared by every
web process when the cache is Redis)."""

import time

from django.core.cache import cache


def rate_limit_exceeded(request, *, scope: str, limit: int, window: int = 60) -> bool:
    """Count this request; True once the address made more than `limit` in the current window."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    key = f"ratelimit:{scope}:{address}:{int(time.time() // window)}"
    cache.add(key, 0, window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 5)
        count = 1
    return count > limit
