"""Issue 15, acceptance in Chromium: the holder downloads the baked badge (PNG) and the
credential file (JSON) in the member area; anyone uploads them on the verification page and
reads "valid"; once the certificate is revoked, the same badge reads "revoked"."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from ambassadors.certificates.services import certificate_award, certificate_revoke
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    TURKISH_NAME,
    course,
    graduate,
    statement,
    turkish_graduate,
)

pytestmark = pytest.mark.browser
# BADGE_SCREENSHOTS=folder keeps screenshots of the pages at phone and desktop width
SCREENSHOTS = os.environ.get("BADGE_SCREENSHOTS", "")


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )


def _page(chromium, live_server, *, user=None, locale="de-DE", width=1280):
    context = chromium.new_context(
        base_url=live_server.url,
        locale=locale,
        accept_downloads=True,
        viewport={"width": width, "height": 900},
    )
    context.set_default_timeout(15_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    return context.new_page()


def _shot(page, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def _upload(page, path, language):
    page.goto(f"/{language}/verify/credential/")
    page.set_input_files("#id_credential", str(path))
    page.locator("form.cert-verify-form button[type=submit]").click()
    page.wait_for_selector(".credential-result")
    return page.locator(".credential-result").get_attribute("data-outcome")


def test_download_in_the_member_area_then_verify_by_upload(
    chromium,
    live_server,
    turkish_graduate,  # noqa: F811
    staff_user,
    transactional_db,
    tmp_path,
):
    certificate = certificate_award(ambassador=turkish_graduate, by=staff_user)
    member = _page(chromium, live_server, user=turkish_graduate.user, locale="tr-TR")
    member.goto("/tr/ambassadors/member/documents/")
    section = member.locator("#credential")
    assert section.is_visible()
    _shot(member, "member-tr-desktop")
    member_phone = _page(
        chromium, live_server, user=turkish_graduate.user, locale="tr-TR", width=390
    )
    member_phone.goto("/tr/ambassadors/member/documents/#credential")
    _shot(member_phone, "member-tr-phone")
    member_de = _page(chromium, live_server, user=turkish_graduate.user, width=1280)
    member_de.goto("/de/ambassadors/member/documents/")
    _shot(member_de, "member-de-desktop")
    files = {}
    for fmt in ("png", "json"):
        with member.expect_download() as download:
            section.locator(f"a[href$='credential.{fmt}']").click()
        files[fmt] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[fmt])
        assert files[fmt].name == f"{certificate.number}-open-badge.{fmt}"
    assert files["png"].read_bytes().startswith(b"\x89PNG")

    public = _page(chromium, live_server)
    assert _upload(public, files["png"], "de") == "valid"
    assert (
        public.locator("#credential-state")
        .inner_text()
        .strip()
        .endswith(("Gültiger Nachweis", "Valid credential"))
    )
    assert public.locator(".cert-holder").inner_text() == TURKISH_NAME
    _shot(public, "verify-de-desktop-valid")
    assert _upload(public, files["json"], "tr") == "valid"
    _shot(public, "verify-tr-desktop-valid")
    public.goto(f"/de/verify/{certificate.code}/")
    assert public.locator(".cert-credential a[href='/de/verify/credential/']").is_visible()
    _shot(public, "certificate-de-desktop")

    certificate_revoke(certificate=certificate, reason="Forged evidence", by=staff_user)
    assert _upload(public, files["png"], "de") == "revoked"
    _shot(public, "verify-de-desktop-revoked")
    phone = _page(chromium, live_server, locale="tr-TR", width=390)
    assert _upload(phone, files["png"], "tr") == "revoked"
    _shot(phone, "verify-tr-phone-revoked")
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    assert _upload(phone, junk, "de") == "unreadable"
    _shot(phone, "verify-de-phone-unreadable")
