"""Reading QR codes back with an independent decoder (zxing-cpp), as a phone would."""

import io
import subprocess
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image


def decode_qr(image) -> list[tuple[str, str]]:
    """(text, format name) of every code in `image` (PNG bytes, a path or a PIL image); the
    format is "QRCode" for a standard code and "MicroQRCode" for a micro one."""
    if isinstance(image, bytes):
        image = Image.open(io.BytesIO(image))
    elif isinstance(image, str | Path):
        image = Image.open(image)
    results = zxingcpp.read_barcodes(image.convert("L"))
    return [(result.text, result.format.name) for result in results]


def decode_qr_in_pdf(pdf: bytes, dpi: int = 150) -> list[tuple[str, str]]:
    """Every code on every page of `pdf`, rendered with pdftoppm (poppler-utils)."""
    found = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(folder) / "page")],
            check=True,
        )
        for page in sorted(Path(folder).glob("page*.png")):
            found.extend(decode_qr(page))
    return found
