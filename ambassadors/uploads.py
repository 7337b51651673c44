"""Checks for files people upload: photos for the directory, documents as evidence.

The content is sniffed, not only the name, so a renamed executable is refused.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PHOTO_MAX_BYTES = 3 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_MAX_SIDE = 6000
DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
# extension -> the bytes such a file starts with
DOCUMENT_SIGNATURES = {
    "pdf": [b"%PDF-"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "docx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
}


def _too_large(upload, limit: int) -> None:
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s are allowed.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )


def validate_photo(upload) -> None:
    """A JPEG, PNG or WebP image of at most 3 MB and 6000 pixels a side."""
    from PIL import Image  # only where a photo arrives, not in every process that imports forms

    _too_large(upload, PHOTO_MAX_BYTES)
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format, size = image.format, image.size
            image.verify()
    except Exception:
        raise ValidationError(_("This file is not an image we can read.")) from None
    finally:
        upload.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Please upload a JPEG, PNG or WebP image."))
    if max(size) > PHOTO_MAX_SIDE:
        raise ValidationError(
            _("The image is too large; at most %(side)d pixels a side are allowed.")
            % {"side": PHOTO_MAX_SIDE}
        )


def validate_document(upload) -> None:
    """A PDF, Word/OpenDocument text or image file of at most 5 MB whose content fits its name."""
    _too_large(upload, DOCUMENT_MAX_BYTES)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in DOCUMENT_SIGNATURES:
        raise ValidationError(
            _("Please upload a PDF, DOCX, ODT, JPEG or PNG file."),
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in DOCUMENT_SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content does not match its type (.%(ext)s).") % {"ext": extension}
        )
