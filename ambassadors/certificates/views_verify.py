"""The public verification of a certificate: anyone, no account, rate-limited per address."""

import re

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ambassadors.certificates.numbering import number_parse
from ambassadors.certificates.ratelimit import rate_limit_exceeded
from ambassadors.certificates.selectors import certificate_for_code
from ambassadors.certificates.titles import TITLE_TURKISH, title_for

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,40}$")


def _limit() -> int:
    return getattr(settings, "AMBASSADORS_VERIFY_RATE_LIMIT", 30)


def _too_many(request):
    response = render(request, "ambassadors/certificates/verify_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


@require_GET
def verify_form(request):
    """A code typed by hand: spaces and a pasted link are forgiven, anything else explained."""
    raw = request.GET.get("code", "")
    error = ""
    if "code" in request.GET:
        number = number_parse(raw.strip())
        if number:  # the certificate number printed in large type finds the same page
            return redirect("verify:detail", code=number)
        code = "".join(raw.split()).rstrip("/").rsplit("/", 1)[-1]
        if CODE_PATTERN.match(code):
            return redirect("verify:detail", code=code)
        error = _(
            "This is neither a certificate number nor a verification code. Type the number "
            "printed in large type (for example IZB-2026-0001) or the last part of the address "
            "printed under the QR code (for example 3kT9wq-Xb2LmP0aZ)."
        )
    return render(
        request,
        "ambassadors/certificates/verify_form.html",
        {"code": raw, "error": error},
        status=400 if error else 200,
    )


@never_cache
@require_GET
def verify_detail(request, code: str):
    if rate_limit_exceeded(request, scope="verify", limit=_limit()):
        return _too_many(request)
    certificate = certificate_for_code(code) if CODE_PATTERN.match(code) else None
    if certificate is None:
        return render(
            request, "ambassadors/certificates/verify_unknown.html", {"code": code}, status=404
        )
    return render(
        request,
        "ambassadors/certificates/verify_detail.html",
        {
            "certificate": certificate,
            "title": title_for(certificate.ambassador.form_of_address),
            "title_turkish": TITLE_TURKISH,
            "checked_at": timezone.now(),
            "achievement_name": _("İzmir Ambassador %(year)s") % {"year": certificate.year},
        },
    )
