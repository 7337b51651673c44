"""The CSRF token for forms on pages kept in the page cache (weltstadt.page_cache).

A cached page is the same for every visitor, so its forms carry no token of their own
(`{% csrf_field %}`); static/js/csrf.js fetches one from here when a form is sent. Django's CSRF
check is unchanged: the token answers to the CSRF cookie this response sets, which any web process
verifies.
"""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def csrf_token(request):
    return JsonResponse({"token": get_token(request)})


def csrf_failure(request, reason=""):
    """A form of a cached page sent without its token (JavaScript off or blocked, so csrf.js did
    not fill it in): nothing is done yet; the visitor sees what they sent and sends it again
    from this page, which carries their own token. Every other CSRF failure is Django's 403."""
    if request.method == "POST" and request.POST.get("csrfmiddlewaretoken", None) == "":
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if name != "csrfmiddlewaretoken"
            for value in values
        ]
        return render(
            request,
            "weltstadt/csrf_confirm.html",
            {"action": request.path, "fields": fields, "had_files": bool(request.FILES)},
            status=403,
        )
    return django_csrf_failure(request, reason=reason)
