from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ambassadors.sitemaps import AmbassadorsSitemap
from masterplan.sitemaps import MasterplanSitemap
from summits.sitemaps import SummitSitemap


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


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "ambassadors": AmbassadorsSitemap,
    "summits": SummitSitemap,
    "masterplan": MasterplanSitemap,
}
