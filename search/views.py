"""The results page of the site search (the box in every page's header leads here)."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from search.selectors import MAX_QUERY_LENGTH, search_page


@require_GET
def results(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page = search_page(query=query, language=get_language(), page=request.GET.get("page"))
    return render(
        request, "search/results.html", {"query": query, "search_query": query, "page": page}
    )
