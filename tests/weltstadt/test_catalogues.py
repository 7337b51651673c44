"""The interface catalogues in django-rosetta: a translator edits only their language, and a
saved change is compiled and shown without a restart."""

import hashlib
import shutil
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogues(tmp_path, settings, monkeypatch):
    """A copy of the catalogues, so that a test never writes the project's own."""
    from rosetta import views

    from weltstadt.catalogues import reload_catalogues

    copy = tmp_path / "locale"
    shutil.copytree(Path(settings.BASE_DIR) / "locale", copy)
    settings.LOCALE_PATHS = [copy]
    monkeypatch.setattr(
        views, "find_pos", lambda lang, **kwargs: [str(copy / lang / "LC_MESSAGES" / "django.po")]
    )
    reload_catalogues()
    yield copy
    reload_catalogues()


def _entry(path: Path):
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgstr and not e.msgctxt and not e.msgid_plural and not e.fuzzy)
    digest = hashlib.md5((entry.msgid + entry.msgstr).encode()).hexdigest()
    return entry, f"m_{digest}"


def _form(language: str) -> str:
    return reverse("rosetta-form", kwargs={"po_filter": "project", "lang_id": language, "idx": 0})


def test_a_translator_edits_their_language_and_it_shows_at_once(client, catalogues):
    client.force_login(staff_with_role("Translator (Türkçe)", email="cevirmen@example.org"))
    listing = client.get(reverse("rosetta-file-list", kwargs={"po_filter": "project"}))
    assert listing.status_code == 200
    assert [code for code, _name, _files in listing.context["languages"]] == ["tr"]
    assert client.get(_form("tr")).status_code == 200
    entry, field = _entry(catalogues / "tr" / "LC_MESSAGES" / "django.po")
    answer = client.post(_form("tr"), {field: "Yepyeni çeviri"})
    assert answer.status_code == 302
    saved = polib.pofile(str(catalogues / "tr" / "LC_MESSAGES" / "django.po"))
    assert saved.find(entry.msgid).msgstr == "Yepyeni çeviri"
    assert (catalogues / "tr" / "LC_MESSAGES" / "django.mo").stat().st_size > 0
    with translation.override("tr"):
        assert translation.gettext(entry.msgid) == "Yepyeni çeviri"


def test_a_translator_cannot_open_or_change_another_language(client, catalogues):
    client.force_login(staff_with_role("Translator (Türkçe)", email="cevirmen@example.org"))
    path = catalogues / "en" / "LC_MESSAGES" / "django.po"
    before = path.read_bytes()
    _entry_en, field = _entry(catalogues / "de" / "LC_MESSAGES" / "django.po")
    for language in ("de", "en", "fr"):
        assert client.get(_form(language)).status_code == 404
        assert client.post(_form(language), {field: "Überschrieben"}).status_code == 404
    assert path.read_bytes() == before
    assert (
        b"\xc3\x9cberschrieben"
        not in (catalogues / "de" / "LC_MESSAGES" / "django.po").read_bytes()
    )


def test_programme_roles_and_members_do_not_open_the_catalogues(client, catalogues, alice):
    client.force_login(staff_with_role("Bulletin editor", email="editor@example.org"))
    listing = reverse("rosetta-file-list", kwargs={"po_filter": "project"})
    assert client.get(listing).status_code == 302  # to the login page
    client.force_login(alice)
    assert client.get(_form("tr")).status_code == 302


def test_other_processes_reload_when_a_catalogue_changes(client, catalogues, settings):
    """Another web process sees the version in the shared cache and drops its catalogues."""
    from django.core.cache import cache
    from django.utils.translation import trans_real

    from weltstadt import catalogues as module

    # each request below is for a page not in the page cache yet, so that it is rendered here
    module.CatalogueReloadMiddleware.seen = module._UNSEEN
    module.CatalogueReloadMiddleware.checked_at = 0.0
    client.get(reverse("networks"))  # this process's first look: remembers the version
    with translation.override("tr"):
        translation.gettext("Home")
    loaded = trans_real._translations["tr"]
    module.CatalogueReloadMiddleware.checked_at = 0.0
    client.get(reverse("imprint"))
    assert trans_real._translations["tr"] is loaded  # nothing changed: kept
    cache.set(module.VERSION_KEY, "saved elsewhere", timeout=None)
    module.CatalogueReloadMiddleware.checked_at = 0.0
    client.get(reverse("about"))
    assert trans_real._translations.get("tr") is not loaded


def test_rosetta_languages_follow_the_site(settings):
    from rosetta.conf import settings as rosetta_settings

    assert [code for code, _name in rosetta_settings.ROSETTA_LANGUAGES] == [
        code for code, _name in settings.LANGUAGES
    ]


def test_a_saved_catalogue_makes_cached_pages_fresh(client, catalogues):
    """A page kept by the page cache shows the new interface text as soon as it is saved."""
    from django.test import Client

    visitor = Client()
    page = visitor.get("/tr/").content.decode()
    assert visitor.get("/tr/")["X-Page-Cache"] == "hit"
    po = polib.pofile(str(catalogues / "tr" / "LC_MESSAGES" / "django.po"))
    entry = next(
        e
        for e in po
        if len(e.msgstr) > 12
        and not e.msgctxt
        and not e.msgid_plural
        and "%" not in e.msgid
        and "{" not in e.msgid
        and f">{e.msgstr}<" in page
    )
    field = f"m_{hashlib.md5((entry.msgid + entry.msgstr).encode()).hexdigest()}"
    client.force_login(staff_with_role("Translator (Türkçe)", email="cevirmen@example.org"))
    assert client.post(_form("tr"), {field: "Yepyeni ana sayfa metni"}).status_code == 302
    assert ">Yepyeni ana sayfa metni<" in visitor.get("/tr/").content.decode()


def test_a_saved_translation_shows_in_the_header_every_page_kept_rendered(
    client, catalogues, settings
):
    from weltstadt.catalogues import reload_catalogues

    settings.PAGE_CACHE_SECONDS = 0
    assert "İçeriğe geç (yeni)" not in client.get("/tr/about/").content.decode()
    path = catalogues / "tr" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    entry = po.find("Skip to content")
    entry.msgstr, entry.flags = "İçeriğe geç (yeni)", []
    po.save_as_mofile(str(path.with_suffix(".mo")))
    reload_catalogues()  # what a save in rosetta does, in every process of the machine
    assert "İçeriğe geç (yeni)" in client.get("/tr/about/").content.decode()
