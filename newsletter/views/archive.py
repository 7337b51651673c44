"""The public archive: issues, articles and an Atom feed per language."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from newsletter.editions import edition_complete_languages, edition_for
from newsletter.richtext import richtext_clean
from newsletter.selectors import issue_published_get, issues_published
from weltstadt.fragment_cache import deferred, kept


def index(request):
    page = Paginator(issues_published().order_by("-number"), 12).get_page(request.GET.get("page"))
    return render(request, "newsletter/index.html", {"page": page})


def _fallback(issue, articles=None) -> str:
    """The language of the edition shown when the page's own is incomplete, else ""."""
    language = translation.get_language()
    articles = list(issue.articles.all()) if articles is None else articles
    complete = edition_complete_languages(issue, articles)
    if language in complete:
        return ""
    return edition_for(language, complete) or settings.LANGUAGE_CODE


def issue_detail(request, number: int):
    issue = kept(
        "bulletin-issue", [number], lambda: issue_published_get(number=number, with_articles=False)
    )
    if issue is None:
        raise Http404
    # deferred: the articles and their sanitised text are kept (weltstadt.fragment_cache)
    articles = deferred(lambda: list(issue.articles.order_by("position", "pk")))
    return render(
        request,
        "newsletter/issue.html",
        {
            "issue": issue,
            "articles": articles,
            "fallback": deferred(lambda: _fallback(issue, articles())),
        },
    )


def article_detail(request, number: int, pk: int):
    issue = issue_published_get(number=number)
    article = next((a for a in issue.articles.all() if a.pk == pk), None) if issue else None
    if article is None:
        raise Http404
    return render(
        request,
        "newsletter/article.html",
        {"issue": issue, "article": article, "fallback": _fallback(issue)},
    )


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
