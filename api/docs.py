"""The schema and its two readers, served from our own static files (drf-spectacular-sidecar).

Our templates replace drf-spectacular's, which load web fonts from a third party and carry
inline scripts and styles: Swagger UI gets its start script as a file (the split view), Redoc
starts from its <redoc> element, and the styles Redoc writes at run time carry the page's CSP
nonce, so the Content-Security-Policy keeps 'self' without 'unsafe-inline'.
"""

from csp.constants import NONCE
from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)


class SchemaView(SpectacularAPIView):
    renderer_classes = [OpenApiJsonRenderer]


class SwaggerView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    url_name = "api:schema"


@method_decorator(csp_update({"style-src": [NONCE]}), name="dispatch")
class RedocView(SpectacularRedocView):
    template_name = "api/redoc.html"
    url_name = "api:schema"
