"""Whole public pages for anonymous visitors, kept in the cache every web process shares.

What is kept: a 200 answer to a GET (or HEAD) of a language-prefixed URL from a visitor without a
session or messages cookie, when the answer sets no cookie, is not marked private (personal pages,
personal links: weltstadt.middleware.PrivateCacheMiddleware), showed no messages and is not
streamed. The key is scheme, host, full path with query (so one entry per language and URL) and
the release; the entry remembers the content generation it was rendered under.

Invalidation: every write to a table of a public model (weltstadt.page_cache_invalidation) moves
the content generation on, in the shared cache, at once and again when the transaction commits;
an entry of another generation is never served. So an edit shows at once, in every language, on
every web process. PAGE_CACHE_SECONDS bounds what only the clock changes (a summit that has
begun); 0 switches the cache off.

Every kept page answers with an ETag and Last-Modified (304 to a revalidation) and
`Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SHARED_SECONDS`, so a proxy or CDN may keep
it briefly and a browser always asks again.
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from functools import cache as once

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

GENERATION_KEY = "page-cache:generation"
CACHE_STATUS_HEADER = "X-Page-Cache"
# The pages this process served last, so that a hit asks the shared cache only for the (small)
# generation; an entry of another generation is fetched again from the shared cache.
LOCAL_PAGES = 256
_local: OrderedDict[str, tuple[dict, float]] = OrderedDict()  # key: (entry, kept until)
_local_lock = threading.Lock()  # threaded workers share it
# Response headers a kept page does not carry into another visitor's answer.
UNSHARED_HEADERS = frozenset({"set-cookie", "date", CACHE_STATUS_HEADER.lower()})


def generation_bump() -> str:
    """Start a new content generation: every page kept before is stale for every process."""
    generation = f"{time.time_ns()}-{secrets.token_hex(4)}"
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def _generation_time(generation: str) -> float:
    return int(generation.split("-", 1)[0]) / 1e9


@once
def _release() -> str:
    """Pages of another release are never served: its static file names and templates differ."""
    manifest = ""
    if hasattr(staticfiles_storage, "manifest_name"):
        try:
            manifest = staticfiles_storage.read_manifest() or ""
        except OSError:
            manifest = ""
    release = getattr(settings, "PAGE_CACHE_RELEASE", "")
    return hashlib.blake2b(f"{release}\n{manifest}".encode(), digest_size=8).hexdigest()


@once
def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _anonymous_get(request) -> bool:
    """A visitor nobody is signed in as and who has no messages waiting: without a session cookie
    no one is signed in, and without the messages cookie no message is waiting."""
    return (
        request.method == "GET"
        and request.path.startswith(_language_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _page_key(request) -> str:
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(where.encode(), digest_size=16).hexdigest()
    return f"page-cache:{_release()}:{digest}"


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds this visitor's CSRF token
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False  # a nonce is for one answer only
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages.used or messages._queued_messages))


def _entry(response, generation: str) -> dict:
    return {
        "generation": generation,
        "status": response.status_code,
        "content": response.content,
        "headers": [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in UNSHARED_HEADERS
        ],
    }


def _response(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    return response


def _public_headers(response, generation: str) -> None:
    response["ETag"] = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
    response["Last-Modified"] = http_date(_generation_time(generation))
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS
    )


def _conditional(request, response):
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _local_keep(key: str, entry: dict) -> None:
    # kept no longer than the shared cache keeps it: PAGE_CACHE_SECONDS bounds what only the
    # clock changes, in this process's copy too
    with _local_lock:
        _local[key] = (entry, time.monotonic() + settings.PAGE_CACHE_SECONDS)
        _local.move_to_end(key)
        while len(_local) > LOCAL_PAGES:
            _local.popitem(last=False)


def _local_entry(key: str, generation: str) -> dict | None:
    """The entry of this generation: this process's copy, else the shared cache's."""
    entry, kept_until = _local.get(key, (None, 0.0))
    if entry is not None and entry["generation"] == generation and time.monotonic() < kept_until:
        return entry
    entry = cache.get(key)
    if entry is None or entry["generation"] != generation:
        return None
    _local_keep(key, entry)
    return entry


class PageCacheMiddleware:
    """Answer anonymous GETs of public pages from the shared cache (see the module docstring).

    It sits outside every middleware but the request log and HEAD-as-GET, so it keeps a page with
    its final headers (the security headers and the CSP are the same for every answer: a page
    whose CSP holds a nonce is never kept) and sees every cookie set before it keeps one. A hit
    asks the shared cache for the generation; the page itself usually comes from this process's
    own copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _anonymous_get(request):
            return self.get_response(request)
        key = _page_key(request)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, f"{time.time_ns()}-{secrets.token_hex(4)}", timeout=None)
            generation = cache.get(GENERATION_KEY)
        entry = _local_entry(key, generation)
        if entry is not None:
            response = _response(entry)
            response[CACHE_STATUS_HEADER] = "hit"
            return _conditional(request, response)
        # the generation read before rendering: a write while this page renders makes it stale
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        _public_headers(response, generation)
        entry = _entry(response, generation)
        cache.set(key, entry, timeout=seconds)
        _local_keep(key, entry)
        response[CACHE_STATUS_HEADER] = "miss"
        return _conditional(request, response)
