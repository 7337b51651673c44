"""Throttling of public forms that send mail, shared by every web process.

Counts live in Django's cache (Redis in production, so all web processes and machines count
together; the in-process cache of the embedded default is enough for one process). A fixed
window per scope and key: `limit` attempts per `window` seconds. Keys are hashed, so no address
is stored in clear in the cache.

    from weltstadt.throttle import throttle_allows
    if not throttle_allows(request, "summit-registration", target=email):
        ...  # answer 429 with THROTTLED_MESSAGE, change nothing, send nothing
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

THROTTLED_MESSAGE = _("Too many attempts from here or for this address. Please try again later.")

# (attempts, seconds): per client address and per target address (the mail's recipient)
PER_CLIENT = (10, 3600)
PER_TARGET = (3, 3600)


def client_address(request) -> str:
    """The client's address as the web server saw it (a proxy in front must set REMOTE_ADDR,
    e.g. gunicorn's --forwarded-allow-ips; a client-sent X-Forwarded-For is never trusted)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def throttle_hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt for (`scope`, `key`); True while at most `limit` in the current window."""
    digest = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()[:32]
    cache_key = f"throttle:{scope}:{digest}:{int(time.time() // window)}"
    cache.add(cache_key, 0, timeout=window + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 60)
        count = 1
    return count <= limit


def throttle_allows(
    request,
    scope: str,
    *,
    target: str = "",
    per_client: tuple[int, int] = PER_CLIENT,
    per_target: tuple[int, int] = PER_TARGET,
) -> bool:
    """Count an attempt of `request`'s client (and for `target`, an e-mail address) in `scope`;
    False when either is over its limit."""
    allowed = throttle_hit(
        f"{scope}:client", client_address(request), limit=per_client[0], window=per_client[1]
    )
    if target:
        allowed = (
            throttle_hit(
                f"{scope}:target",
                target.strip().lower(),
                limit=per_target[0],
                window=per_target[1],
            )
            and allowed
        )
    return allowed
