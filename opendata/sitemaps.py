from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class OpenDataSitemap(Sitemap):
    """The open-data page, in every language (with hreflang alternates)."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return ["open_data"]

    def location(self, item):
        return reverse(item)
