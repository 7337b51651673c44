"""The interface catalogues (locale/<language>/LC_MESSAGES/django.po) edited in django-rosetta.

- Only superusers and translators open rosetta, a translator only their own languages: rosetta's
  per-language check (`can_translate_language`, which would look for groups named
  "translators-<code>") is replaced by ours, for the list and the edit views alike.
- Rosetta writes the .po and compiles the .mo on save (ROSETTA_AUTO_COMPILE). Each process keeps
  the catalogues it loaded in memory, so the save also raises a version in the shared cache
  (Redis in production); `CatalogueReloadMiddleware` in every web process of the machine sees the
  new version (looking at most every RELOAD_CHECK_SECONDS) and reloads the catalogues.
"""

import time
from pathlib import Path

from django.core.cache import cache
from django.utils.translation.reloader import translation_file_changed

from weltstadt import chrome
from weltstadt.translation_roles import may_edit_catalogue

VERSION_KEY = "weltstadt:catalogue-version"
RELOAD_CHECK_SECONDS = 5.0


def may_open_rosetta(user) -> bool:
    """ROSETTA_ACCESS_CONTROL_FUNCTION."""
    return may_edit_catalogue(user)


def _can_translate_language(user, langid) -> bool:
    return may_edit_catalogue(user, langid)


def install() -> None:
    """Put our language check into rosetta (called from WeltstadtConfig.ready). Into
    rosetta.access, from which rosetta.views takes it when the URLconf imports the views: importing
    them here put them (and requests, which they import) into every process, the mail workers'
    too (issue 14)."""
    import sys

    from rosetta import access, signals

    access.can_translate_language = _can_translate_language
    if "rosetta.views" in sys.modules:  # imported before us: it holds rosetta's check
        sys.modules["rosetta.views"].can_translate_language = _can_translate_language
    signals.post_save.connect(_saved, dispatch_uid="weltstadt.catalogues")


def reload_catalogues() -> None:
    """Forget the catalogues this process loaded; the next request reads the new .mo files."""
    # what Django's own autoreloader does when it sees a .mo file change
    translation_file_changed(sender=None, file_path=Path("django.mo"))
    # and the texts of the parts every page shares, kept rendered per language
    chrome.forget()


def _saved(sender=None, **kwargs) -> None:
    from weltstadt.page_cache import generation_bump

    reload_catalogues()
    # the interface texts of every cached page changed too
    generation_bump()
    version = time.time_ns()
    cache.set(VERSION_KEY, version, timeout=None)
    CatalogueReloadMiddleware.seen = version


_UNSEEN = object()


class CatalogueReloadMiddleware:
    seen = _UNSEEN
    checked_at = 0.0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = time.monotonic()
        if now - CatalogueReloadMiddleware.checked_at >= RELOAD_CHECK_SECONDS:
            CatalogueReloadMiddleware.checked_at = now
            version = cache.get(VERSION_KEY)
            if CatalogueReloadMiddleware.seen is _UNSEEN:  # this process's first look
                CatalogueReloadMiddleware.seen = version
            elif version != CatalogueReloadMiddleware.seen:
                CatalogueReloadMiddleware.seen = version
                reload_catalogues()
        return self.get_response(request)
