"""HTTP behaviour every page shares: HEAD answered like GET, personal pages kept out of caches."""

from django.utils.cache import patch_cache_control

# URL arguments that make a page personal: whoever holds the link is the person it is for
# (registration and delegation links, expert and ballot links, bulletin preferences, allauth's
# password-reset and confirmation keys, webhook secrets).
TOKEN_KWARGS = frozenset({"token", "key", "uidb36", "secret"})


class HeadAsGetMiddleware:
    """Answer HEAD wherever GET is answered (RFC 9110 §9.3.2), with GET's status and headers and
    no body. Views are written for GET (`require_GET`, `require_http_methods(["GET", …])`); they
    see a GET, and the body is dropped here so that every server sends none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if response.streaming:
            # The file stays open until the server closes the response, as for GET.
            response.streaming_content = []
        else:
            length = len(response.content)
            response.content = b""
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(length)
        return response


def private_page(response):
    """Mark a response as personal: no shared cache keeps it, no browser stores it."""
    patch_cache_control(response, private=True, no_store=True)
    return response


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on every page a signed-in person sees and every page
    reached through a personal link."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        personal_link = match is not None and TOKEN_KWARGS & set(match.kwargs)
        if (user is not None and user.is_authenticated) or personal_link:
            private_page(response)
        return response
