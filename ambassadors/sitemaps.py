from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class AmbassadorsSitemap(Sitemap):
    """The programme page and the directory, in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["ambassadors:index", "ambassadors:directory"]

    def location(self, item):
        return reverse(item)
