import io
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from tests.pdf_glyphs import misdrawn_characters
from weltstadt.pdf import pdf_render, restricted_url_fetcher

TURKISH = "İzmir Büyükşehir Belediyesi — Ğğ Şş İı Çç Öö Üü"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


def test_turkish_text_round_trips_through_the_shipped_fonts():
    pdf = pdf_render("pdf/weltstadt/sample.html", {"title": "Test", "text": TURKISH}, language="tr")
    assert TURKISH in _text(pdf)
    fonts = _fonts(pdf)
    assert any("Source-Serif-4" in font for font in fonts), fonts
    assert not any("DejaVu" in font for font in fonts), fonts
    # İ, ş, ğ come from the latin-ext file, embedded as a font of its own: WeasyPrint names an
    # embedded font by family, weight and style only, so one family name for both subset files
    # made the PDF draw İ as Ŋ and ş as · (the text layer stayed right, the page did not).
    assert any("Source-Serif-4-Ext" in font for font in fonts), fonts
    assert misdrawn_characters(pdf) == set()


def test_every_pdf_template_uses_the_pdf_fonts_with_their_extended_pair():
    """The web stylesheet (fonts.css) splits a family by unicode-range, which PDFs cannot use."""
    root = Path(settings.BASE_DIR)
    sources = [*root.glob("templates/pdf/**/*.html"), *root.glob("static/css/pdf-*.css")]
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert "css/fonts.css" not in text, f"{source} links the web fonts"
        if source.name == "pdf-fonts.css":
            continue
        for family in re.findall(r"font-family:\s*([^;}]+)", text):
            for name in ("Source Serif 4", "Source Sans 3"):
                if f'"{name}"' in family:
                    assert f'"{name} Ext"' in family, f"{source}: {family} lacks {name} Ext"


def test_pdf_a_variant_is_available_for_archival_documents():
    pdf = pdf_render(
        "pdf/weltstadt/sample.html",
        {"title": "Archiv", "text": TURKISH},
        language="de",
        pdf_variant="pdf/a-3b",
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert b"pdfaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert TURKISH in _text(pdf)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///work/../etc/passwd",
        "../../weltstadt/settings.py",
        "http://127.0.0.1:{port}/secret.css",
        "https://example.org/tracker.png",
        "ftp://example.org/x",
    ],
)
def test_the_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises(ValueError, match=r"allowed|static folder|disallowed"):
        restricted_url_fetcher().fetch(url.replace("{port}", "1"))


def test_the_fetcher_serves_the_projects_static_files():
    from django.conf import settings

    response = restricted_url_fetcher().fetch((settings.BASE_DIR / "static/css/fonts.css").as_uri())
    assert b"Source Sans 3" in response.read()


def test_a_template_pointing_outside_fetches_nothing():
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        pdf = pdf_render(
            "pdf/weltstadt/sample.html",
            {
                "title": "Passwd",
                "text": "x",
                "image_url": "file:///etc/passwd",
                "stylesheet_url": f"http://127.0.0.1:{server.server_port}/steal.css",
            },
            language="de",
        )
    finally:
        server.shutdown()
    assert hits == []
    assert "root:" not in _text(pdf)
