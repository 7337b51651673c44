"""The admin's upload widget for files in private storage.

Django's file widget links the current file to `storage.url()`, which for private storage is a
/media/ address that serves nothing (private files live outside MEDIA_ROOT, on purpose). This
widget links the permission-checked download view instead.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.contrib.admin.widgets import AdminFileWidget
from django.db.models.fields.files import FieldFile


@dataclass(frozen=True)
class _CheckedLink:
    """What the widget's template reads as `widget.value`: its `url` and its text."""

    url: str
    name: str

    def __str__(self) -> str:
        return self.name


class PrivateFileWidget(AdminFileWidget):
    """`download_url(field_file)` gives the checked view's URL of the stored file; `label`, the
    text of the link (by default the stored file's name)."""

    def __init__(
        self,
        *,
        download_url: Callable[[FieldFile], str],
        label: Callable[[FieldFile], str] | None = None,
        attrs=None,
    ):
        super().__init__(attrs)
        self.download_url = download_url
        self.label = label or (lambda value: PurePosixPath(value.name).name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = _CheckedLink(
                url=self.download_url(value), name=self.label(value)
            )
        return context
