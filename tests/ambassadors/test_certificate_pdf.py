"""Acceptance 1: the certificate PDF holds the name, number and date, its QR code opens the
verification page, and it passes a structural check. The mail carries it in the holder's
language, once."""

import io
import subprocess

import pytest
import zxingcpp
from django.conf import settings
from django.core import mail
from django.utils import formats, translation
from PIL import Image
from pypdf import PdfReader

from ambassadors.certificates.models import CertificateFile
from ambassadors.certificates.services import certificate_award, certificate_render
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    TURKISH_NAME,
    course,
    number_today,
    statement,
    turkish_graduate,
)
from tests.pdf_glyphs import misdrawn_characters
from tests.qr_decode import decode_qr_in_pdf


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _qr_codes(pdf_path, tmp_path) -> list[str]:
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf_path), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    return [barcode.text for barcode in zxingcpp.read_barcodes(Image.open(png))]


@pytest.fixture
def awarded(turkish_graduate, staff_user, run_on_commit):  # noqa: F811
    with run_on_commit():
        certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    certificate.refresh_from_db()
    return certificate


def test_the_pdf_holds_name_number_and_date(awarded):
    pdf = awarded.files.get(version=1).file.read()
    text = _text(pdf)
    assert TURKISH_NAME in text
    assert awarded.number == number_today(1)
    assert awarded.number in text
    with translation.override("tr"):
        assert formats.date_format(awarded.awarded_on, "DATE_FORMAT") in text
    assert "İzmir Kent Elçisi" in text


def test_the_pdf_is_pdf_a_with_embedded_fonts_and_passes_qpdf(awarded):
    path = awarded.files.get(version=1).file.path
    check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    reader = PdfReader(path)
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in metadata
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 landscape
    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    assert fonts
    assert all("Source-Serif-4" in str(f["/BaseFont"]) for f in fonts)
    descriptors = [f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts]
    assert all("/FontFile2" in d for d in descriptors)  # embedded


def test_every_letter_is_drawn_with_its_own_glyph(awarded):
    """The latin and latin-ext font files of a weight are embedded apart: with one PDF font
    for both, "Çağrı" was drawn with the other file's glyphs (text extraction still read it)."""
    pdf = awarded.files.get(version=1).file.read()
    assert {"Ç", "ğ", "ı", "ş", "İ", "Ö"} <= set(_text(pdf))
    assert misdrawn_characters(pdf) == set()


def test_the_qr_code_opens_the_verification_page(awarded, tmp_path):
    path = awarded.files.get(version=1).file.path
    expected = f"{settings.SITE_URL}/tr/verify/{awarded.code}/"
    assert _qr_codes(path, tmp_path) == [expected]
    # the independent decoder reads it as a standard QR code, not a Micro QR
    assert decode_qr_in_pdf(awarded.files.get(version=1).file.read()) == [(expected, "QRCode")]


def test_the_holder_gets_the_pdf_by_mail_in_their_language_once(awarded, run_on_commit):
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cagri@example.org"]
    assert number_today(1) in message.subject
    with translation.override("tr"):
        assert message.body.startswith("Sevgili") or TURKISH_NAME in message.body
    assert f"/tr/verify/{awarded.code}/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"{number_today(1)}.pdf", "application/pdf")
    assert content == awarded.files.get(version=1).file.read()
    # the task again (a redelivery after a crash): nothing rendered or mailed twice
    with run_on_commit():
        certificate_render(certificate_id=awarded.pk)
    assert CertificateFile.objects.filter(certificate=awarded).count() == 1
    assert len(mail.outbox) == 1
