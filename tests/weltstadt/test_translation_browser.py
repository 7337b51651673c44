"""Acceptance: a German edit marks the Turkish translation outdated; the Turkish translator
(logged in with two-factor, in a Turkish browser) confirms it and the status clears; the role
cannot change another language, even with the browser's form tampered with."""

import os

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)

from tests.factories import NetworkFactory, UserFactory
from tests.totp import current_code
from weltstadt.models import Network
from weltstadt.translation_state import object_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Aegean-breeze-2026"
SHOTS = os.environ.get("TRANSLATE_SHOTS")  # a folder: screenshots to look at


def _staff(email, group=None, **kwargs):
    from django.contrib.auth.models import Group

    user = UserFactory(email=email, is_staff=True, **kwargs)
    user.set_password(PASSWORD)
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def _log_in(page, language, user, secret):
    page.goto(f"/{language}/accounts/login/")
    page.fill('input[name="login"]', user.email)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form:has(input[name="login"]) button[type="submit"]').click()
    page.wait_for_selector('input[name="code"]')
    page.fill('input[name="code"]', current_code(secret))
    page.locator('form:has(input[name="code"]) button[type="submit"]:not([form])').click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def _shoot(page, name):
    if not SHOTS:
        return
    for width, label in ((1280, "desktop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_german_edit_is_confirmed_by_the_turkish_translator(chromium, live_server):
    network = NetworkFactory(
        name="Eurocities",
        description_de="Ein Netzwerk europäischer Großstädte.",
        description_tr="Avrupa büyük şehirler ağı.",
        description_en="A network of large European cities.",
    )
    editor, editor_secret = _staff("editor@example.org", is_superuser=True)
    translator, translator_secret = _staff(
        "cevirmen@example.org", "Translator (Türkçe)", preferred_language="tr"
    )
    change = f"/admin/weltstadt/network/{network.pk}/change/"

    # the German editor, in a German browser, changes the German text
    german = chromium.new_context(base_url=live_server.url, locale="de-DE")
    page = german.new_page()
    _log_in(page, "de", editor, editor_secret)
    page.goto(change)
    assert page.locator("#translation-status-tr").get_attribute("data-translation-status") == (
        "current"
    )
    page.fill("#id_description_de", "Ein Netzwerk von über 200 europäischen Großstädten.")
    page.locator('input[name="_continue"]').click()
    page.wait_for_selector("ul.messagelist")
    row = page.locator("#translation-status-tr")
    assert row.get_attribute("data-translation-status") == "outdated"
    assert "⚠" in row.inner_text()  # said in text and sign, not colour alone
    assert page.locator("#translation-status-en").get_attribute("data-translation-status") == (
        "outdated"
    )
    _shoot(page, "status-de")
    # the list filter finds it
    page.goto("/admin/weltstadt/network/?translation=outdated-tr")
    assert page.locator("#result_list tbody tr").count() == 1
    german.close()

    # the Turkish translator, in a Turkish browser
    turkish = chromium.new_context(base_url=live_server.url, locale="tr-TR")
    page = turkish.new_page()
    _log_in(page, "tr", translator, translator_secret)
    page.goto(change)
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.locator("#id_description_de").is_disabled()
    assert page.locator("#id_description_en").is_disabled()
    assert not page.locator("#id_description_tr").is_disabled()
    assert page.locator("button[name='translation_confirm'][value='en']").count() == 0
    _shoot(page, "translator-tr")
    page.locator("button[name='translation_confirm'][value='tr']").click()
    page.wait_for_selector("ul.messagelist")
    assert page.locator("#translation-status-tr").get_attribute("data-translation-status") == (
        "current"
    )
    _shoot(page, "confirmed-tr")
    status = object_status(Network.objects.get())
    assert status["tr"].current
    assert status["en"].outdated == ["description"]

    # tampering with the page: the English field enabled and filled in, the German too
    page.evaluate(
        """() => {
            for (const id of ['id_description_en', 'id_description_de']) {
                const field = document.getElementById(id);
                field.disabled = false;
                field.value = 'Tampered';
            }
        }"""
    )
    page.fill("#id_description_tr", "200'den fazla Avrupa büyük şehrinin ağı.")
    page.locator('input[name="_continue"]').click()
    page.wait_for_selector("ul.messagelist")
    network.refresh_from_db()
    assert network.description_tr == "200'den fazla Avrupa büyük şehrinin ağı."
    assert network.description_en == "A network of large European cities."
    assert network.description_de == "Ein Netzwerk von über 200 europäischen Großstädten."
    # and the admin start page leads to the export and the catalogues of Turkish only
    page.goto("/admin/")
    _shoot(page, "index-tr")
    page.locator("#translations-module a").first.click()
    # wait for the exchange page: reading the options before it loads finds none
    page.wait_for_selector("#export_language option", state="attached")
    assert page.locator("#export_language option").all_inner_texts() == ["Türkçe"]
    _shoot(page, "exchange-tr")
    page.goto("/admin/catalogues/files/project/")
    links = page.locator("a[href*='/admin/catalogues/files/project/']")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert any("/project/tr/0/" in href for href in hrefs)
    assert not any(f"/project/{code}/" in href for href in hrefs for code in ("de", "en", "fr"))
    _shoot(page, "catalogues-tr")
    page.goto("/admin/catalogues/files/project/tr/0/")
    _shoot(page, "catalogue-form-tr")
    assert page.goto("/admin/catalogues/files/project/en/0/").status == 404
    turkish.close()
