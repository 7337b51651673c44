from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from masterplan.selectors import plan_adopted_current


class MasterplanSitemap(Sitemap):
    """The master plan's public pages in every language; plan pages once a plan is adopted."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        names = ["masterplan:index", "masterplan:local_data"]
        if plan_adopted_current() is not None:
            names += ["masterplan:dashboard", "masterplan:investments"]
        return names

    def location(self, item):
        return reverse(item)
