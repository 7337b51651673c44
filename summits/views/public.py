"""The public summit pages: list, summit, programme, calendars, declaration."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from summits import selectors
from summits.models import Declaration, Session
from weltstadt.fragment_cache import deferred, kept
from weltstadt.maps import map_points
from weltstadt.private_storage import private_storage


@require_GET
def index(request):
    upcoming, past = selectors.summit_lists()
    return render(request, "summits/index.html", {"upcoming": upcoming, "past": past})


def _declaration(summit):
    try:
        return summit.declaration
    except Declaration.DoesNotExist:
        return None


@require_GET
def detail(request, slug):
    # read once per content change, like the fragments: every registration is a write too
    summit = kept("summit", [slug], lambda: selectors.summit_get_public(slug=slug))
    # lazy: the programme, speakers and cities are kept (weltstadt.fragment_cache) and only read
    # once per change; the places and the declaration's PDF are read every time
    cities = deferred(lambda: selectors.participating_cities(summit=summit))
    declaration = _declaration(summit)
    language = (get_language() or "de")[:2]
    counts = kept(
        "summit-registrations", [summit.pk], lambda: selectors.registration_counts(summit=summit)
    )
    return render(
        request,
        "summits/detail.html",
        {
            "summit": summit,
            "days": deferred(lambda: selectors.programme_by_day(summit=summit)),
            "speakers": deferred(lambda: selectors.speaker_list(summit=summit)),
            "cities": cities,
            "map": deferred(lambda: map_points((city, city.name) for city in cities())),
            "declaration": declaration,
            "declaration_pdf": declaration is not None
            and private_storage.exists(declaration.pdf_path(language)),
            "actions": deferred(lambda: selectors.follow_up_list(summit=summit)),
            "counts": counts,
            "availability": selectors.registration_availability(summit=summit, counts=counts),
        },
    )


@require_GET
def programme(request, slug):
    summit = selectors.summit_get_public(slug=slug)
    return render(
        request,
        "summits/programme.html",
        {"summit": summit, "days": selectors.programme_by_day(summit=summit)},
    )


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def summit_ics(request, slug):
    from summits import ical  # icalendar: some 80 modules no mail worker needs

    summit = selectors.summit_get_public(slug=slug)
    content = ical.summit_calendar(
        summit=summit,
        sessions=list(summit.sessions.prefetch_related("speakers").order_by("starts_at")),
        url_path=reverse("summits:detail", kwargs={"slug": slug}),
    )
    return _ics(content, f"{summit.slug}.ics")


@require_GET
def session_ics(request, slug, pk):
    summit = selectors.summit_get_public(slug=slug)
    session = get_object_or_404(Session.objects.prefetch_related("speakers"), summit=summit, pk=pk)
    session.summit = summit
    from summits import ical

    content = ical.session_calendar(
        session=session, url_path=reverse("summits:programme", kwargs={"slug": slug})
    )
    return _ics(content, f"{summit.slug}-session-{session.pk}.ics")


@require_GET
def declaration_pdf(request, slug):
    summit = selectors.summit_get_public(slug=slug)
    declaration = _declaration(summit)
    language = (get_language() or "de")[:2]
    if declaration is None or not private_storage.exists(declaration.pdf_path(language)):
        raise Http404(_("The declaration is not available as PDF yet."))
    return FileResponse(
        private_storage.open(declaration.pdf_path(language), "rb"),
        content_type="application/pdf",
        filename=f"{summit.slug}-declaration-{language}.pdf",
    )
