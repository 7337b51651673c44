"""The sitemap: the core's own pages, and whatever each installed app contributes.

An app contributes by defining `Sitemap` classes in its `sitemaps.py` (as it would admins in
`admin.py`); the core knows no programme.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticPagesSitemap(Sitemap):
    """The fixed public pages, in every language (with hreflang alternates)."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return ["home", "about", "partners", "networks", "imprint", "privacy"]

    def location(self, item):
        return reverse(item)


def _app_sitemaps(config) -> list[type[Sitemap]]:
    name = f"{config.name}.sitemaps"
    try:
        module = import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return []
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Sitemap) and value.__module__ == name
    ]


def sitemaps_collect() -> dict[str, type[Sitemap]]:
    """Every installed app's sitemaps, in the order of INSTALLED_APPS, keyed by app label."""
    found = {}
    for config in apps.get_app_configs():
        for number, sitemap in enumerate(_app_sitemaps(config)):
            found[config.label if number == 0 else f"{config.label}-{number}"] = sitemap
    return found
