"""Storage for files that are never public: served only by views that check permission."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class _PrivateStorage(LazyObject):
    def _setup(self):
        # base_url=None: these files have no public URL at all
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = _PrivateStorage()


def get_private_storage():
    """For FileField(storage=...): a callable keeps the storage out of migrations."""
    return private_storage
