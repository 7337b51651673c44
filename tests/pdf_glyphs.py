"""Does a PDF draw each character with the shipped fonts' glyph for it?

Text extraction cannot tell: it reads the ToUnicode map, which stays right when the embedded
font program is the wrong one. Here the outline of every glyph the PDF uses is compared with the
outline of its character in the project's font files.
"""

import io
import re
from functools import cache

from django.conf import settings
from fontTools.ttLib import TTFont
from pypdf import PdfReader

BFCHAR = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def _outline(font: TTFont, glyph_name: str) -> tuple:
    glyf = font["glyf"]
    coordinates, ends, _flags = glyf[glyph_name].getCoordinates(glyf)
    return tuple(coordinates), tuple(ends)


def _single_substitutions(font: TTFont) -> dict[str, set[str]]:
    """The alternates a glyph may be replaced by (tabular or old-style figures, small capitals):
    OpenType single substitutions, the only kind that keeps one character on one glyph."""
    alternates: dict[str, set[str]] = {}
    if "GSUB" not in font:
        return alternates
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            if lookup.LookupType == 7:  # an extension wraps the real subtable
                subtable = subtable.ExtSubTable
            if getattr(subtable, "LookupType", lookup.LookupType) != 1:
                continue
            for source, target in subtable.mapping.items():
                alternates.setdefault(source, set()).add(target)
    return alternates


@cache
def _shipped_outlines() -> dict[str, set[tuple]]:
    """Each character of the shipped fonts with the outlines it has in them, alternates too."""
    outlines: dict[str, set[tuple]] = {}
    for path in sorted((settings.BASE_DIR / "static" / "fonts").glob("*.woff2")):
        font = TTFont(path)
        alternates = _single_substitutions(font)
        for codepoint, glyph_name in font.getBestCmap().items():
            shapes = outlines.setdefault(chr(codepoint), set())
            for name in {glyph_name, *alternates.get(glyph_name, ())}:
                shapes.add(_outline(font, name))
    return outlines


def misdrawn_characters(pdf: bytes) -> set[str]:
    """The characters (other than spaces) the PDF draws with a glyph that is not theirs."""
    shipped = _shipped_outlines()
    wrong = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert descendant["/CIDToGIDMap"] == "/Identity"
            program = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            embedded = TTFont(io.BytesIO(program))
            order = embedded.getGlyphOrder()
            to_unicode = font["/ToUnicode"].get_object().get_data().decode()
            for cid, text in BFCHAR.findall(to_unicode.split("beginbfchar", 1)[-1]):
                character = bytes.fromhex(text).decode("utf-16-be")
                if len(character) != 1 or character.isspace():
                    continue
                if _outline(embedded, order[int(cid, 16)]) not in shipped.get(character, ()):
                    wrong.add(character)
    return wrong
