"""PDF rendering with WeasyPrint.

Guarantees: a template may load only the project's own static files (fonts, stylesheets, images)
and `data:` URIs; `file://` elsewhere, `http(s)://` and every other scheme fetch nothing. Rendering
stops after PDF_TIME_LIMIT_SECONDS when it runs in a main thread (Celery prefork workers, commands);
elsewhere the Celery task time limit bounds it. The fonts ship in static/fonts, so a PDF looks the
same on every machine.

WeasyPrint (with its fonts, fontTools and Pillow, some 20 MiB per process) is imported when a
document is first rendered, not when this module is: the mail queue's workers, the admin and the
web processes import the services that render PDFs without ever rendering one themselves.
"""

from __future__ import annotations

import base64
import signal
import threading
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

STATIC_DIR = (settings.BASE_DIR / "static").resolve()


class PDFTimeoutError(Exception):
    pass


@cache
def _restricted_fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class RestrictedURLFetcher(URLFetcher):
        """Serves the project's static folder and data: URIs; refuses everything else."""

        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"})

        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(url.split("?")[0].removeprefix("file://")).resolve()
                if not path.is_relative_to(STATIC_DIR) or not path.is_file():
                    raise ValueError(f"Not a file of the project's static folder: {url}")
            elif not url.startswith("data:"):
                raise ValueError(f"URL not allowed in a PDF: {url}")
            return super().fetch(url, headers)

    return RestrictedURLFetcher


def restricted_url_fetcher():
    """WeasyPrint's URL fetcher limited to the project's static folder and data: URIs."""
    return _restricted_fetcher_class()()


@contextmanager
def _time_limit(seconds: int):
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def _expired(signum, frame):
        raise PDFTimeoutError(f"PDF rendering took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pdf_from_html(
    html: str, *, pdf_variant: str | None = None, font_config: FontConfiguration | None = None
) -> bytes:
    """Render HTML (relative URLs resolve inside static/) to PDF bytes.

    The shipped fonts are loaded once per thread (`font_config_cached`), not once per document:
    loading them is most of the time of a small document.
    """
    from weasyprint import HTML

    document = HTML(
        string=html,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=restricted_url_fetcher(),
    )
    with _time_limit(settings.PDF_TIME_LIMIT_SECONDS):
        return document.write_pdf(
            pdf_variant=pdf_variant, font_config=font_config or font_config_cached()
        )


def pdf_render(
    template: str,
    context: dict,
    *,
    language: str,
    pdf_variant: str | None = None,
    font_config: FontConfiguration | None = None,
) -> bytes:
    """Render `templates/<template>` in `language` to PDF bytes."""
    with translation.override(language):
        html = render_to_string(template, {"language": language, **context})
    return pdf_from_html(html, pdf_variant=pdf_variant, font_config=font_config)


_fonts = threading.local()


def font_config_cached() -> FontConfiguration:
    """A font configuration per thread, for bulk rendering: the shipped fonts (WOFF2) are
    decompressed on first use instead of for every document."""
    if getattr(_fonts, "config", None) is None:
        from weasyprint.text.fonts import FontConfiguration

        _fonts.config = FontConfiguration()
    return _fonts.config


def data_uri(content: bytes, mimetype: str) -> str:
    """Embed an in-memory image (a QR code, a signature) in a PDF template."""
    return f"data:{mimetype};base64,{base64.b64encode(content).decode()}"
