"""The credentials' public documents (issuer profile, keys, status list, achievements: what any
wallet or verifier fetches, so open to every origin), the holder's downloads, and the check of an
uploaded credential on the public verification page."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ambassadors import selectors as programme
from ambassadors.certificates.credentials import badge, baking, keys, status_list
from ambassadors.certificates.credentials.checking import MAX_UPLOAD, Outcome, credential_check
from ambassadors.certificates.forms_credentials import CredentialUploadForm
from ambassadors.certificates.models import Certificate
from weltstadt.throttle import THROTTLED_MESSAGE, throttle_allows

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# uploads checked per client address and hour
VERIFY_PER_CLIENT = (30, 3600)


def _public_json(document: dict, *, content_type: str = "application/json") -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type=content_type
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
def issuer(request):
    return _public_json({"@context": badge.CONTEXT, **badge.issuer_profile()})


@require_GET
def jwks(request):
    return _public_json(keys.public_jwks(), content_type="application/jwk-set+json")


@require_GET
def key(request, kid: str):
    found = keys.public_key(kid)
    if found is None:
        raise Http404
    return _public_json(keys.public_jwk(found), content_type="application/jwk+json")


@never_cache
@require_GET
def status_list_view(request):
    response = HttpResponse(status_list.status_list_jwt(), content_type="application/vc+jwt")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
def achievement(request, year: int, language: str):
    if language not in LANGUAGE_CODES or not 2000 <= year <= 2999:
        raise Http404
    if not Certificate.objects.filter(year=year).exists():
        raise Http404
    return _public_json({"@context": badge.CONTEXT, **badge.achievement(year, language)})


FORMATS = {
    "json": "application/json",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def badge_svg(certificate: Certificate) -> str:
    with translation.override(badge.language_of(certificate)):
        return render_to_string(
            "ambassadors/certificates/badge.svg",
            {
                "certificate": certificate,
                "name": badge.achievement(certificate.year, badge.language_of(certificate))["name"],
            },
        )


@login_required
@require_GET
def credential_download(request, pk: int, fmt: str):
    """The holder's credential: as JSON, or baked into the badge as PNG or SVG."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("ambassador__user", "mission_statement"),
        pk=pk,
        ambassador=programme.ambassador_for_user_or_404(request.user),
    )
    if not certificate.is_valid:
        raise Http404
    token = badge.credential_jwt(certificate)
    if fmt == "json":
        body = json.dumps(badge.enveloped(token), indent=2).encode()
    elif fmt == "png":
        body = baking.bake_png(token)
    else:
        body = baking.bake_svg(token, badge_svg(certificate)).encode()
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{certificate.number}-open-badge.{fmt}"'
    )
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify_credential(request):
    """Upload a credential file (JSON, VC-JWT, baked PNG or SVG): signature, status, expiry."""
    check = None
    status = 200
    if request.method == "POST":
        form = CredentialUploadForm(request.POST, request.FILES)
        if not throttle_allows(request, "credential-verify", per_client=VERIFY_PER_CLIENT):
            form.add_error(None, THROTTLED_MESSAGE)
            status = 429
        elif form.is_valid():
            upload = form.cleaned_data["credential"]
            check = credential_check(upload.read(MAX_UPLOAD + 1))
        else:
            status = 400
    else:
        form = CredentialUploadForm()
    return render(
        request,
        "ambassadors/certificates/verify_credential.html",
        {
            "form": form,
            "check": check,
            "Outcome": Outcome,
            "checked_at": timezone.now(),
        },
        status=status,
    )
