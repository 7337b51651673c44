"""The CSRF token for forms on pages kept in the page cache (weltstadt.page_cache).

A cached page is the same for every visitor, so its forms carry no token of their own
(`{% csrf_field %}`); static/js/csrf.js fetches one from here when a form is sent. Django's CSRF
check is unchanged: the token answers to the CSRF cookie this response sets, which any web process
verifies.
"""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def csrf_token(request):
    return JsonResponse({"token": get_token(request)})
