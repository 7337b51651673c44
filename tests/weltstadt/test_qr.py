"""Every code the portal prints is a standard QR that an independent decoder reads."""

import pytest

from tests.qr_decode import decode_qr
from weltstadt.qr import qr_png


@pytest.mark.parametrize(
    "content", ["wsum:AB12", "x", "https://weltstadt-izmir.org/de/verify/A1B2C3D4/"]
)
def test_short_and_long_content_make_a_standard_qr_that_decodes(content):
    assert decode_qr(qr_png(content)) == [(content, "QRCode")]


def test_the_quiet_zone_is_four_modules():
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(qr_png("x", scale=1))).convert("L")
    # a version 1 symbol is 21 modules wide; with 4 modules of white on each side: 29
    assert image.size == (29, 29)
    assert all(image.getpixel((x, y)) == 255 for x in range(29) for y in range(4))
