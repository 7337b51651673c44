"""Storage for files that are never public: served only by views that check permission."""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.functional import LazyObject


class _PrivateStorage(LazyObject):
    def _setup(self):
        if settings.MEDIA_STORAGE == "s3":
            # shared by every web machine; private objects, read only through the views
            from storages.backends.s3 import S3Storage

            options = dict(settings.STORAGES["default"]["OPTIONS"])
            options.update(
                location=settings.PRIVATE_MEDIA_LOCATION,
                default_acl="private",
                querystring_auth=True,
                custom_domain=None,
                object_parameters={},
            )
            self._wrapped = S3Storage(**options)
            return
        # base_url=None: these files have no public URL at all
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = _PrivateStorage()


def get_private_storage():
    """For FileField(storage=...): a callable keeps the storage out of migrations."""
    return private_storage


def private_file_response(
    file, *, filename: str | None = None, content_type: str | None = None, download: bool = True
) -> FileResponse:
    """A private file as the response of a view that has checked permission: 404 when the field
    is empty or the file is gone, named after `filename` (else its stored name), typed by
    `content_type` (else guessed from the name)."""
    if not file:
        raise Http404
    name = filename or PurePosixPath(file.name).name
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=download,
        filename=name,
        content_type=content_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    # Served only after a permission check: no cache on the way may keep it.
    patch_cache_control(response, private=True, no_store=True)
    return response
