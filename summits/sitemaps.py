from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from summits.models import Summit
from summits.selectors import PUBLIC


class SummitSitemap(Sitemap):
    """The summits list and every public summit, in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["index", *Summit.objects.filter(status__in=PUBLIC).order_by("pk")]

    def location(self, item):
        if item == "index":
            return reverse("summits:index")
        return reverse("summits:detail", kwargs={"slug": item.slug})
