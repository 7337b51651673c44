"""HTTP behaviour of everything under /api/: CORS open for reading, errors as problem details,
and validators (ETag, Last-Modified) with shared caching for the data.

CORS: the data are public, so any origin may read them (GET, HEAD, OPTIONS) without credentials;
no other method gets CORS headers, so a browser never lets another site send one.

Validators: the ETag is the hash of the body. Last-Modified is the time this URL's answer (in its
language) was first seen with that ETag, kept in the shared cache, so every web process gives the
same one and it moves only when the answer changes. A conditional request that matches gets 304.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import http_date

from api.problems import problem_response

PREFIX = "/api/"
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "Content-Language, ETag, Last-Modified, Retry-After"
LAST_MODIFIED_SECONDS = 30 * 24 * 3600


def _is_json(response) -> bool:
    return "json" in response.get("Content-Type", "")


def _cors(response, preflight: bool = False) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    # public data for other sites: not blocked from being read cross-origin
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    if preflight:
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response["Access-Control-Max-Age"] = "86400"


def _last_modified(request, response) -> float:
    key_source = f"{request.get_full_path()}\0{response.get('Content-Language', '')}"
    key = "api:last-modified:" + hashlib.sha256(key_source.encode()).hexdigest()[:40]
    seen = cache.get(key)
    etag = response["ETag"]
    if seen and seen[0] == etag:
        return seen[1]
    now = float(int(time.time()))
    cache.set(key, (etag, now), LAST_MODIFIED_SECONDS)
    return now


def _validators_and_caching(request, response):
    set_response_etag(response)
    last_modified = _last_modified(request, response)
    response["Last-Modified"] = http_date(last_modified)
    if "private" not in response.get("Cache-Control", ""):
        response["Cache-Control"] = (
            f"public, max-age={settings.API_CACHE_SECONDS}, "
            f"s-maxage={settings.API_SHARED_CACHE_SECONDS}"
        )
    patch_vary_headers(response, ["Accept-Language"])
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=int(last_modified), response=response
    )


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        is_preflight = (
            request.method == "OPTIONS"
            and "HTTP_ORIGIN" in request.META
            and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META
        )
        if is_preflight:
            response = HttpResponse(status=204)
            _cors(response, preflight=True)
            return response
        response = self.get_response(request)
        if response.status_code >= 400 and not _is_json(response):
            response = problem_response(response.status_code, instance=request.path)
        if request.method in READ_METHODS and _is_json(response):
            if response.status_code == 200 and request.method == "GET":
                # a 304 instead when the client's copy is current
                response = _validators_and_caching(request, response)
            _cors(response)
        return response
