"""QR codes that every phone reads: standard QR (never Micro QR, which segno picks for short
content and most camera apps cannot read), error correction M, and the quiet zone of four modules
the standard asks for."""

import io

import segno

QUIET_ZONE = 4


def _symbol(content: str) -> segno.QRCode:
    return segno.make_qr(content, error="m")


def qr_png(content: str, scale: int = 6) -> bytes:
    """The code as a PNG image."""
    buffer = io.BytesIO()
    _symbol(content).save(buffer, kind="png", scale=scale, border=QUIET_ZONE)
    return buffer.getvalue()


def qr_svg(content: str, scale: int = 4) -> str:
    """The code as SVG markup (no XML declaration), to put inline or in a file."""
    buffer = io.BytesIO()
    _symbol(content).save(
        buffer, kind="svg", scale=scale, border=QUIET_ZONE, xmldecl=False, svgns=True
    )
    return buffer.getvalue().decode("utf-8")


def qr_png_data_uri(content: str, scale: int = 6) -> str:
    """The code as a data: URI of a PNG, for templates (PDFs and pages)."""
    return _symbol(content).png_data_uri(scale=scale, border=QUIET_ZONE)
