"""Parts of public pages rendered once per content generation, not once per request (issue 12).

A page's costly part (a programme, a map, a dashboard's charts, a table of a hundred rows) shows
only public content, the reader's language and the date. It is rendered once and kept under a key
made of the content generation of the page cache (weltstadt.page_cache: every write to a public
table and every catalogue edit starts a new one, for every process), the release, the language,
the time zone, today's date, the fragment's name and what it varies on. So an edit in the admin
shows at once, on every web process, and nothing has to be invalidated by hand; entries of an old
generation are simply never asked for again and expire.

What may be kept: public content only. Never a CSRF token, a form bound to a visitor's input, a
member's name or anything that depends on the clock finer than the day (a registration that
opens at noon): those stay outside the fragment.

A fragment is not kept while the current transaction has written to a public table (its
generation would outlive a rollback). This process keeps the fragments it used last, and a copy
of the generation, so that a kept fragment usually needs no round trip to the shared cache.
"""

import functools
import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language

from weltstadt import page_cache
from weltstadt.page_cache_invalidation import writes_pending

T = TypeVar("T")

# seconds the shared cache keeps a fragment: a generation usually ends much sooner
TIMEOUT = 24 * 60 * 60
LOCAL_FRAGMENTS = 512
_local: OrderedDict[str, str] = OrderedDict()
_local_lock = threading.Lock()  # threaded workers share it


def generation_current() -> str:
    """The content generation (weltstadt.page_cache.current_generation): the one a page being
    rendered for the page cache will be kept under, else this process's copy, which a write by
    this process moves on at once."""
    return page_cache.current_generation()


def fragment_key(name: str, vary_on: Iterable = ()) -> str:
    where = "\n".join(
        [
            page_cache._release(),
            settings.SITE_URL,  # absolute links (JSON-LD)
            generation_current(),
            get_language() or "",
            timezone.get_current_timezone_name(),
            timezone.localdate().isoformat(),
            name,
            *(str(value) for value in vary_on),
        ]
    )
    return f"fragment:{hashlib.blake2b(where.encode(), digest_size=16).hexdigest()}"


def _local_keep(key: str, text: str) -> None:
    with _local_lock:
        _local[key] = text
        _local.move_to_end(key)
        while len(_local) > LOCAL_FRAGMENTS:
            _local.popitem(last=False)


def fragment_get_or_render(key: str, render: Callable[[], str | bytes]) -> str | bytes:
    """The fragment kept under `key`, else `render()`'s, kept for the next request."""
    text = _local.get(key)
    if text is not None:
        return text
    text = cache.get(key)
    if text is None:
        text = render()
        if writes_pending(connection):
            return text
        cache.set(key, text, timeout=TIMEOUT)
    _local_keep(key, text)
    return text


def deferred(function: Callable[[], T]) -> Callable[[], T]:
    """A value for a fragment's template, computed when the template first reads it (templates
    call what is callable) and then kept for the request: a kept fragment spares its queries. A
    callable, not a lazy proxy: code that looks at every value in the context (isinstance) would
    make a proxy compute it."""
    return functools.cache(function)


def kept(name: str, vary_on: Iterable, compute: Callable[[], T]) -> T:
    """`compute()`'s value (public rows a page reads, None for "not found"), read once per content
    generation like a fragment. Each call gets its own copy: a caller may change it freely."""
    key = fragment_key(name, vary_on)
    data = fragment_get_or_render(
        key, lambda: pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
    )
    return pickle.loads(data)
