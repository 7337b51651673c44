"""Refuse input that no database column can hold, before any view sees it.

PostgreSQL text columns cannot store the NUL character (psycopg raises DataError, a 500), and
SQLite stores it silently, so the same request behaved differently on the two databases. A NUL byte
in the path, the query string, a form field (name or value), an uploaded file's name or a cookie is
never legitimate: the request is answered with the translated "bad request" page and changes
nothing. Forms refuse NUL on their own as well (Django's CharField validator), for code that builds
a form from other data.
"""

from weltstadt.views.errors import bad_request

NUL = "\x00"


def _has_nul(items) -> bool:
    return any(NUL in key or NUL in value for key, value in items)


def _multi_items(data) -> list[tuple[str, str]]:
    return [(key, value) for key, values in data.lists() for value in values]


def request_has_nul(request) -> bool:
    if NUL in request.path_info or NUL in request.path:
        return True
    if _has_nul(_multi_items(request.GET)) or _has_nul(request.COOKIES.items()):
        return True
    if request.method == "POST":
        if _has_nul(_multi_items(request.POST)):
            return True
        for name, files in request.FILES.lists():
            if NUL in name or any(NUL in (upload.name or "") for upload in files):
                return True
    return False


class RefuseNulMiddleware:
    """After LocaleMiddleware, so that the bad-request page is in the language of the URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_has_nul(request):
            return bad_request(request)
        return self.get_response(request)
