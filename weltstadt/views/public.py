"""The public pages of the association: home, about, partner cities, networks, legal pages."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_countries import countries

from weltstadt import selectors
from weltstadt.fragment_cache import deferred
from weltstadt.maps import map_points
from weltstadt.models import Partnership


@require_GET
def home(request):
    return render(request, "weltstadt/home.html")


@require_GET
def about(request):
    return render(request, "weltstadt/about.html")


@require_GET
def partners(request):
    country = request.GET.get("country", "").upper()
    kind = request.GET.get("kind", "")
    if country not in dict(countries):
        country = ""
    if kind not in Partnership.Kind.values:
        kind = ""
    # lazy: the page is kept per filter (weltstadt.fragment_cache) and read once per change
    partnerships = deferred(lambda: list(selectors.partnership_list(country=country, kind=kind)))
    points = deferred(
        lambda: map_points(
            (p.partner, _("%(city)s – %(partner)s") % {"city": p.city, "partner": p.partner})
            for p in partnerships()
        )
    )
    return render(
        request,
        "weltstadt/partners.html",
        {
            "partnerships": partnerships,
            "countries": deferred(
                lambda: [(code, countries.name(code)) for code in selectors.partnership_countries()]
            ),
            "kinds": Partnership.Kind.choices,
            "selected_country": country,
            "selected_kind": kind,
            "map": points,
        },
    )


@require_GET
def networks(request):
    return render(request, "weltstadt/networks.html", {"networks": selectors.network_list()})


@require_GET
def imprint(request):
    return render(request, "weltstadt/imprint.html")


@require_GET
def privacy(request):
    return render(request, "weltstadt/privacy.html")
