"""Public pages: the offices on a map and in a list, and each active office's page."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_countries import countries

from offices import selectors
from offices.models import Office
from weltstadt.fragment_cache import deferred, kept
from weltstadt.maps import map_points


@require_GET
def index(request):
    country = request.GET.get("country", "").upper()
    status = request.GET.get("status", "")
    if country not in dict(countries):
        country = ""
    if status not in Office.Status.values:
        status = ""
    offices = list(selectors.office_public_list(country=country, status=status))
    points = map_points(
        (office.city, office.name, office.get_absolute_url() if office.is_public else "")
        for office in offices
    )
    return render(
        request,
        "offices/index.html",
        {
            "offices": offices,
            "countries": [
                (code, countries.name(code)) for code in selectors.office_public_countries()
            ],
            "statuses": Office.Status.choices,
            "selected_country": country,
            "selected_status": status,
            "map": points,
        },
    )


@require_GET
def detail(request, slug: str):
    office = kept("office", [slug], lambda: selectors.office_public_get(slug=slug))
    if office is None:
        raise Http404
    # deferred: the board, the highlights and the map are kept (weltstadt.fragment_cache)
    return render(
        request,
        "offices/detail.html",
        {
            "office": office,
            "detail": deferred(lambda: selectors.office_public_detail(slug=slug)),
            "map": deferred(lambda: map_points([(office.city, office.name)])),
        },
    )
