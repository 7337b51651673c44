"""Public media (ambassador and speaker photos, bulletin lead images) when no proxy serves them.

In the production stack Caddy serves /media/ straight from the shared volume and this view is
never reached; with object storage (MEDIA_STORAGE=s3) MEDIA_URL points at the bucket. This is the
fallback for a deployment that runs gunicorn without the proxy, so an image link never breaks.
Only the default (public) storage is read: certificates, finances and reports live in private
storage and are served by the views that check permission.
"""

import mimetypes

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe


@require_safe
def public_media(request, path: str):
    try:
        if not path or not default_storage.exists(path):
            raise Http404
        handle = default_storage.open(path, "rb")
    except (SuspiciousFileOperation, OSError, ValueError) as exc:
        raise Http404 from exc
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    # upload names are random and never reused: a year is safe
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
