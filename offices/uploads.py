"""What an office may upload: a few document types, recognised by content, and a size limit."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# suffix -> (magic prefix the content must start with, content type served)
ALLOWED_TYPES = {
    ".pdf": (b"%PDF-", "application/pdf"),
    ".png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    ".jpg": (b"\xff\xd8\xff", "image/jpeg"),
    ".jpeg": (b"\xff\xd8\xff", "image/jpeg"),
    ".docx": (
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".odt": (b"PK\x03\x04", "application/vnd.oasis.opendocument.text"),
    ".ods": (b"PK\x03\x04", "application/vnd.oasis.opendocument.spreadsheet"),
}


def content_type_for(name: str) -> str:
    entry = ALLOWED_TYPES.get(PurePosixPath(name).suffix.lower())
    return entry[1] if entry else "application/octet-stream"


def validate_upload(upload) -> None:
    """Refuse files that are too large, of another type, or whose content does not match."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s); at most %(max)s are allowed.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    suffix = PurePosixPath(upload.name or "").suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise ValidationError(
            _("This type of file is not accepted. Upload PDF, Word, OpenDocument, PNG or JPEG.")
        )
    magic = ALLOWED_TYPES[suffix][0]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise ValidationError(_("The content of the file does not match its type."))
