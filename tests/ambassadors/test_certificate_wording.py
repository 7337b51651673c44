"""Issue 19: what the certificate, its QR code and the verification page say, without rendering
a PDF (the HTML the PDF is made from is enough): the holder's form of address, the Turkish
"Unvan", the natural order of "revoked since", one full stop after a time, a standard QR code
with its quiet zone, and the printed number finding the certificate."""

import base64
import datetime
import io

import pytest
from django.conf import settings
from django.core import mail
from PIL import Image

from ambassadors.certificates import documents
from ambassadors.certificates.services import certificate_award, certificate_revoke
from ambassadors.models import Ambassador
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    TURKISH_NAME,
    course,
    graduate,
    number_today,
    statement,
    turkish_graduate,
)
from tests.qr_decode import decode_qr
from weltstadt.qr import QUIET_ZONE


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    monkeypatch.setattr(documents, "certificate_pdf", lambda certificate: b"%PDF-1.7")


@pytest.fixture
def certificate(turkish_graduate, staff_user):  # noqa: F811
    return certificate_award(ambassador=turkish_graduate, by=staff_user)


def _award_german(course, staff_user, form):  # noqa: F811
    ambassador = graduate(course, name="Jana Krüger", preferred_language="de")
    ambassador.form_of_address = form
    ambassador.save()
    return certificate_award(ambassador=ambassador, by=staff_user)


@pytest.mark.parametrize(
    ("form", "title"),
    [
        (Ambassador.FormOfAddress.FEMALE, "Botschafterin der Stadt İzmir"),
        (Ambassador.FormOfAddress.MALE, "Botschafter der Stadt İzmir"),
        (Ambassador.FormOfAddress.NEUTRAL, "Botschafter/in der Stadt İzmir"),
    ],
)
def test_the_german_certificate_uses_the_holders_form_of_address(
    form,
    title,
    course,  # noqa: F811
    staff_user,
    client,
):
    certificate = _award_german(course, staff_user, form)
    html = documents.certificate_html(certificate)
    assert f'<p class="title">{title}</p>' in html
    page = client.get(f"/de/verify/{certificate.code}/").content.decode()
    assert f"<dd>{title} " in page


def test_a_woman_chooses_her_form_of_address_in_her_profile(client, alice, alice_ambassador):
    client.force_login(alice)
    page = client.get("/de/ambassadors/member/profile/").content.decode()
    assert 'name="form_of_address"' in page
    response = client.post(
        "/de/ambassadors/member/profile/",
        {"form_of_address": "female", "bio": "", "city": "", "country": "", "field": ""},
    )
    assert response.status_code == 302
    alice_ambassador.refresh_from_db()
    assert alice_ambassador.form_of_address == "female"


def test_the_qr_code_is_a_standard_qr_with_a_quiet_zone_of_four_modules(certificate):
    url = documents.verification_url(certificate, language="tr")
    uri = documents.qr_data_uri(url)
    png = base64.b64decode(uri.split(",", 1)[1])
    assert decode_qr(png) == [(url, "QRCode")]
    image = Image.open(io.BytesIO(png)).convert("L")
    # the first dark pixel lies QUIET_ZONE modules in (scale 6: 24 pixels of white margin)
    width, _height = image.size
    row = [image.getpixel((x, image.size[1] // 2)) for x in range(width)]
    first_dark = next(x for x, value in enumerate(row) if value < 128)
    assert first_dark >= QUIET_ZONE * 6
    assert f"{settings.SITE_URL}/tr/verify/{certificate.code}/" == url


def test_turkish_verification_page_says_unvan_and_revoked_since_in_natural_order(
    client, certificate, staff_user
):
    certificate_revoke(certificate=certificate, reason="Hata", by=staff_user)
    page = client.get(f"/tr/verify/{certificate.code}/").content.decode()
    assert "<dt>Unvan</dt>" in page
    assert "<dt>Başlık</dt>" not in page
    assert "tarihinden beri iptal edilmiş</span>" in page
    assert "İptal edildi</span> " not in page


def test_the_english_time_stamp_ends_with_one_full_stop(client, certificate, monkeypatch):
    night = datetime.datetime(2026, 12, 6, 23, 54, tzinfo=datetime.UTC)  # 2:54 a.m. in İzmir
    monkeypatch.setattr("ambassadors.certificates.views_verify.timezone.now", lambda: night)
    page = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert "Checked on 7 December 2026, 02:54 ·" in page  # in İzmir's time, as CLDR writes it
    assert ".." not in page.split("Checked on", 1)[1][:60]


@pytest.mark.parametrize(
    "typed", ["IZB-{y}-0001", "izb-{y}-0001", " IZB {y} 0001 ", "IZB-{y}-1", "IZB{y}0001"]
)
def test_the_number_printed_in_large_type_finds_the_certificate(client, certificate, typed):
    typed = typed.format(y=certificate.awarded_on.year)
    response = client.get("/en/verify/", {"code": typed}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Valid certificate" in page
    assert TURKISH_NAME in page
    assert response.redirect_chain[-1][0] == f"/en/verify/{number_today(1)}/"
    # and the code under the QR code still shows the same page
    by_code = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert TURKISH_NAME in by_code


def test_an_unknown_number_is_a_404(client, certificate):
    assert client.get(f"/en/verify/{number_today(99)}/").status_code == 404


def test_the_certificate_mail_uses_the_holders_form_of_address(
    course,  # noqa: F811
    staff_user,
    run_on_commit,
):
    with run_on_commit():
        _award_german(course, staff_user, Ambassador.FormOfAddress.FEMALE)
    [message] = mail.outbox
    assert "Botschafterin der Stadt İzmir" in message.subject
    assert "Botschafterin der Stadt İzmir" in message.body
    assert "Botschafter/in" not in message.body
