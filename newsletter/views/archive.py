"""The public archive: issues, articles and an Atom feed per language."""

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from newsletter.richtext import richtext_clean
from newsletter.selectors import issue_published_get, issues_published


def index(request):
    page = Paginator(issues_published().order_by("-number"), 12).get_page(request.GET.get("page"))
    return render(request, "newsletter/index.html", {"page": page})


def issue_detail(request, number: int):
    issue = issue_published_get(number=number)
    if issue is None:
        raise Http404
    return render(
        request, "newsletter/issue.html", {"issue": issue, "articles": issue.articles.all()}
    )


def article_detail(request, number: int, pk: int):
    issue = issue_published_get(number=number)
    article = next((a for a in issue.articles.all() if a.pk == pk), None) if issue else None
    if article is None:
        raise Http404
    return render(request, "newsletter/article.html", {"issue": issue, "article": article})


class IssueFeed(Feed):
    feed_type = Atom1Feed
    title = _("İzmir Bulletin")
    subtitle = _("News of İzmir's international developments.")

    def link(self):
        from django.urls import reverse

        return reverse("newsletter:index")

    def items(self):
        return issues_published().order_by("-number")[:20]

    def item_title(self, item):
        return f"#{item.number} {item.title}"

    def item_description(self, item):
        return richtext_clean(item.intro)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
