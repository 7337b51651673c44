"""The response headers Django's SecurityMiddleware has no setting for.

Cross-Origin-Resource-Policy keeps other sites from embedding our responses (private files,
certificates) as images or scripts; Permissions-Policy switches off browser features no page of the
portal uses. Both come from settings (CROSS_ORIGIN_RESOURCE_POLICY, PERMISSIONS_POLICY), so a
deployment that embeds the map elsewhere can loosen them without code.
"""

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        corp = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")
        if corp:
            response.headers.setdefault("Cross-Origin-Resource-Policy", corp)
        features = getattr(settings, "PERMISSIONS_POLICY", {})
        if features:
            value = ", ".join(
                f"{feature}=({' '.join(allow)})" for feature, allow in features.items()
            )
            response.headers.setdefault("Permissions-Policy", value)
        return response
