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

Who answers: the middleware keeps pages and answers from the cache wherever Django runs without
the WSGI front (the test client); under a server (gunicorn, runserver) the front in
weltstadt.wsgi answers a kept page before Django sees the request, the same way, so a hit costs
a cache read and no request, middleware or response object.

Every kept page answers with an ETag and Last-Modified (304 to a revalidation) and
`Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SHARED_SECONDS`, so a proxy or CDN may keep
it briefly and a browser always asks again.
"""

import contextvars
import hashlib
import os
import secrets
import threading
import time
from collections import OrderedDict
from functools import cache as once

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from weltstadt.log import _paths as _log_paths
from weltstadt.log import access_logger, new_request_id, request_id

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
    _announce(generation)
    return generation


def _generation_start() -> str:
    """The generation, the first one if the shared cache has none (new, or emptied)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        if cache.add(GENERATION_KEY, f"{time.time_ns()}-{secrets.token_hex(4)}", timeout=None):
            _announce(None)
        generation = cache.get(GENERATION_KEY)
    return generation


# the generation a page being rendered for the page cache will be kept under
_rendering_generation: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "page_cache_generation", default=None
)


def current_generation() -> str:
    """The content generation for what is being rendered: the one the page will be kept under
    when the page cache renders it (so that its parts are of the same generation as the page),
    else this process's copy when it has one (no round trip)."""
    return _rendering_generation.get() or _watch.get() or _generation_start()


def _redis():
    """The shared cache's Redis client, or None when the cache is not Redis (development)."""
    backend = caches["default"]
    return backend._cache.get_client(write=True) if isinstance(backend, RedisCache) else None


def _channel() -> str:
    return cache.make_key(GENERATION_KEY) + ":changed"


def _announce(generation: str | None) -> None:
    """Tell every web process's GenerationWatch that the generation changed."""
    client = _redis()
    if client is not None:
        client.publish(_channel(), b"")
    if generation is not None and _watch.active():
        _watch.value = generation  # this process's next request already knows


class GenerationWatch:
    """This process's copy of the content generation, so that the WSGI front answers a hit
    without a round trip to Redis (which cost a worker more CPU than the rest of the hit).

    A thread subscribes to the channel generation_bump() publishes on and reads the generation
    from the shared cache after each message (Redis delivers it in well under a millisecond),
    and once every INTERVAL seconds in any case, so that a subscription lost without an error
    leaves a copy at most that old. While the thread has no copy (starting, Redis unreachable)
    and with a cache that is not Redis, get() says None and the front reads the shared cache."""

    INTERVAL = 1.0

    def __init__(self):
        self.value: str | None = None
        self._pid: int | None = None
        self._watching = False
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    def stop(self) -> None:
        self._stopped.set()

    def active(self) -> bool:
        """A thread keeps this process's copy current (not so with a cache that is not Redis)."""
        return self._pid == os.getpid() and self._watching

    def get(self) -> str | None:
        if self._pid != os.getpid():  # first use in this process (gunicorn forks after import)
            self._start()
        return self.value

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self.value = None
            self._pid = os.getpid()
            self._watching = _redis() is not None
            if self._watching:
                threading.Thread(target=self._run, name="page-cache-watch", daemon=True).start()

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                with _redis().pubsub(ignore_subscribe_messages=True) as pubsub:
                    pubsub.subscribe(_channel())
                    # the first call reads the subscription's confirmation: from then on no
                    # change goes unannounced, so the generation read after it stays current
                    while not self._stopped.is_set():
                        pubsub.get_message(timeout=self.INTERVAL)
                        self.value = cache.get(GENERATION_KEY)
            except Exception:  # Redis away: no copy until it is back
                self.value = None
                self._stopped.wait(self.INTERVAL)
        self.value = None


_watch = GenerationWatch()


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


def _scheme(environ) -> str:
    """request.scheme, from the WSGI environ (the proxy's header when it is trusted)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def _raw_host(environ) -> str:
    """The host as Django's request.get_host() reads it, before its check against ALLOWED_HOSTS.
    Only a request whose host passed that check stores a page, so an unknown host finds none."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    return f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"


def _environ_key(environ) -> str:
    """The entry's key: scheme, host, path and query as the server passed them, and the release.
    The middleware (which stores) and the WSGI front (which answers) compute it alike."""
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    where = f"{_scheme(environ)}://{_raw_host(environ)}{path}?{environ.get('QUERY_STRING', '')}"
    digest = hashlib.blake2b(where.encode("utf-8", "surrogateescape"), digest_size=16)
    return f"page-cache:{_release()}:{digest.hexdigest()}"


def _page_key(request) -> str:
    request.get_host()  # a host outside ALLOWED_HOSTS: 400, and nothing kept for it
    return _environ_key(request.META)


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


def _entry(request, response, generation: str) -> dict:
    paths = _log_paths.get()
    return {
        "generation": generation,
        "status": response.status_code,
        "content": response.content,
        "headers": [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in UNSHARED_HEADERS
        ],
        # what the WSGI front needs to answer without Django: the validators, and the path
        # the access log writes (secret segments replaced, weltstadt.log.safe_path)
        "etag": response["ETag"],
        "modified": parse_http_date_safe(response["Last-Modified"]),
        "log_path": paths.safe if paths and paths.raw == request.path else None,
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
        generation = _generation_start()
        entry = _local_entry(key, generation)
        if entry is not None:
            response = _response(entry)
            response[CACHE_STATUS_HEADER] = "hit"
            return _conditional(request, response)
        # the generation read before rendering: a write while this page renders makes it stale
        token = _rendering_generation.set(generation)
        try:
            response = self.get_response(request)
        finally:
            _rendering_generation.reset(token)
        if not _storable(request, response):
            return response
        _public_headers(response, generation)
        entry = _entry(request, response, generation)
        cache.set(key, entry, timeout=seconds)
        _local_keep(key, entry)
        response[CACHE_STATUS_HEADER] = "miss"
        return _conditional(request, response)


# the headers a 304 answer keeps (django.utils.cache._not_modified)
NOT_MODIFIED_HEADERS = frozenset(
    {"cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary"}
)


def _not_modified(environ, entry) -> bool | None:
    """Whether a revalidation of `entry` gets a 304, as django.utils.cache.get_conditional_response
    decides for a GET; None for the preconditions the front leaves to Django."""
    if "HTTP_IF_MATCH" in environ or "HTTP_IF_UNMODIFIED_SINCE" in environ:
        return None
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        etags = parse_etags(if_none_match)
        if "*" in etags:
            return True
        own = entry["etag"].removeprefix("W/")
        return any(etag.removeprefix("W/") == own for etag in etags)
    if_modified_since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    return if_modified_since is not None and entry["modified"] <= if_modified_since


class PageCacheFront:
    """The WSGI application in front of Django (weltstadt.wsgi): a page the middleware kept is
    answered from here, without building a request or running a middleware, so that a cached
    page costs about what a static file does. It answers only what the middleware would answer
    from the cache, the same way (same key, same generation check, same validators and 304s,
    HEAD without a body, an X-Request-ID and one access line); everything else, and every entry
    it cannot use, goes to Django."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if settings.PAGE_CACHE_SECONDS and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            answer = self._kept(environ)
            if answer is not None:
                status, headers, body = answer
                start_response(status, headers)
                return [body]
        return self.application(environ, start_response)

    def _kept(self, environ):
        started = time.monotonic()
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        if not path.startswith(_language_prefixes()) or "HTTP_AUTHORIZATION" in environ:
            return None
        if "HTTP_COOKIE" in environ:
            cookies = parse_cookie(environ["HTTP_COOKIE"])
            if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
                return None
        generation = _watch.get() or cache.get(GENERATION_KEY)
        if generation is None:
            return None
        entry = _local_entry(_environ_key(environ), generation)
        if entry is None or entry.get("log_path") is None:
            return None
        not_modified = _not_modified(environ, entry)
        if not_modified is None:
            return None
        rid = new_request_id(environ.get("HTTP_X_REQUEST_ID"))
        if not_modified:
            status, body = 304, b""
            headers = [(n, v) for n, v in entry["headers"] if n.lower() in NOT_MODIFIED_HEADERS]
        else:
            status = entry["status"]
            body = b"" if environ["REQUEST_METHOD"] == "HEAD" else entry["content"]
            headers = [*entry["headers"], (CACHE_STATUS_HEADER, "hit")]
        headers.append(("X-Request-ID", rid))
        # set, not reset, as weltstadt.log.RequestLogMiddleware does
        request_id.set(rid)
        access_logger.info(
            "%s %s %s",
            environ["REQUEST_METHOD"],
            entry["log_path"],
            status,
            extra={
                "method": environ["REQUEST_METHOD"],
                "path": entry["log_path"],
                "status": status,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                "request_id": rid,
            },
        )
        return f"{status} {'OK' if status == 200 else 'Not Modified'}", headers, body
