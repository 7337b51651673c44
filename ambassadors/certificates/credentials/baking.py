"""Baked badges (Open Badges 3.0 §5.3): the signed credential inside the badge image itself, as
a PNG iTXt chunk with the keyword `openbadgecredential`, or an SVG `<openbadges:credential>`
element in the namespace https://purl.imsglobal.org/ob/v3p0. And the way back out, for files
anyone uploads: bounded, no XML parser (no entity expansion), no image decoding.
"""

import io
import math
import re
import struct
import zlib
from functools import lru_cache

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEYWORD = b"openbadgecredential"
SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
MAX_TOKEN = 256 * 1024

AEGEAN = (0, 94, 140)
SAND = (246, 241, 232)
FLAG_RED = (200, 16, 46)


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star, one point up."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 - i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points


@lru_cache(maxsize=1)
def badge_png() -> bytes:
    """The plain badge: a medal in the Aegean blue with a ring and a red star on a sand disc
    (drawn, so that it needs no font and looks the same everywhere)."""
    size = 480
    # Pillow only here: the URLconf imports this module, and mail workers never draw a badge
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((16, 16, size - 16, size - 16), fill=AEGEAN)
    draw.ellipse((52, 52, size - 52, size - 52), outline=SAND, width=10)
    draw.ellipse((120, 120, size - 120, size - 120), fill=SAND)
    draw.polygon(_star(size / 2, size / 2, 100, 40), fill=FLAG_RED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def bake_png(token: str, png: bytes | None = None) -> bytes:
    """The badge PNG with the credential in an uncompressed iTXt chunk just before IEND."""
    png = png or badge_png()
    end = png.rindex(b"IEND") - 4
    text = PNG_KEYWORD + b"\x00\x00\x00" + b"\x00" + b"\x00" + token.encode("utf-8")
    return png[:end] + _chunk(b"iTXt", text) + png[end:]


def _png_credential(data: bytes) -> str | None:
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            return None
        if kind == b"iTXt" and body.startswith(PNG_KEYWORD + b"\x00"):
            rest = body[len(PNG_KEYWORD) + 1 :]
            if len(rest) < 2:
                return None
            compressed, rest = rest[0], rest[2:]
            _language, _sep, rest = rest.partition(b"\x00")
            _translated, _sep, text = rest.partition(b"\x00")
            if compressed:
                try:
                    text = zlib.decompressobj().decompress(text, MAX_TOKEN)
                except zlib.error:
                    return None
            return text.decode("utf-8", errors="replace")
        if kind == b"IEND":
            return None
        position += 12 + length
    return None


# The start tag only: the body is found with str.find, so a hostile file costs linear time.
_SVG_START = re.compile(
    r"<(?P<prefix>[A-Za-z_][\w.-]{0,40}):credential\b(?P<attrs>[^<>]{0,2000}?)(?P<close>/?)>"
)
_VERIFY_ATTR = re.compile(r"""\bverify\s*=\s*["']([^"']*)["']""")


def bake_svg(token: str, svg: str) -> str:
    """The badge SVG with the credential in an `<openbadges:credential>` element."""
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise ValueError("not an SVG document")
    tag = opening.group(0)
    if "xmlns:openbadges" not in tag:
        tag = tag[:-1] + f' xmlns:openbadges="{SVG_NAMESPACE}">'
    element = f"<openbadges:credential><![CDATA[{token}]]></openbadges:credential>"
    return svg[: opening.start()] + tag + element + svg[opening.end() :]


def _svg_credential(text: str) -> str | None:
    match = _SVG_START.search(text)
    if match is None:
        return None
    body = ""
    if not match.group("close"):
        end = text.find(f"</{match.group('prefix')}:credential", match.end())
        if end < 0:
            return None
        body = text[match.end() : end].strip()
    if body.startswith("<![CDATA[") and body.endswith("]]>"):
        body = body[9:-3].strip()
    if body:
        return body
    verify = _VERIFY_ATTR.search(match.group("attrs"))
    return verify.group(1) if verify else None


def credential_from_image(data: bytes) -> str | None:
    """The credential baked into a PNG or an SVG, or None (not an image of either kind, or
    nothing baked into it)."""
    if data.startswith(PNG_SIGNATURE):
        return _png_credential(data)
    text = data.decode("utf-8", errors="replace")
    if "<svg" in text[:4096]:
        return _svg_credential(text)
    return None
