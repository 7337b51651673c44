"""The public pages: the programme with its application form, and the directory."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_countries import countries

from ambassadors import selectors
from ambassadors.forms import ApplicationForm
from ambassadors.models import Field
from ambassadors.services import ProgrammeError
from ambassadors.services.applications import application_submit
from weltstadt.fragment_cache import deferred
from weltstadt.text_search import sort_key

DIRECTORY_PAGE_SIZE = 24


@require_http_methods(["GET", "POST"])
def index(request):
    """The programme, its modules and providers, the current cohort and the application form."""
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = selectors.cohort_current()
        try:
            if cohort is None:
                raise ProgrammeError(_("Applications are closed at the moment."))
            application_submit(cohort=cohort, language=get_language(), **form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            return redirect("ambassadors:application_thanks")
    # lazy: with an unbound form the page is kept (weltstadt.fragment_cache) and needs none
    cohort = deferred(selectors.cohort_current)
    modules = deferred(lambda: list(selectors.module_list(cohort=cohort())) if cohort() else [])
    return render(
        request,
        "ambassadors/index.html",
        {
            "cohort": cohort,
            "modules": modules,
            "providers": deferred(lambda: sorted({m.provider for m in modules()})),
            "form": form,
        },
    )


@require_GET
def application_thanks(request):
    return render(request, "ambassadors/application_thanks.html")


@require_GET
def directory(request):
    """Holders of the title who opted in, filtered by country and field, in the reader's
    alphabetical order, 24 a page."""
    country = request.GET.get("country", "").upper()
    field = request.GET.get("field", "")
    if country not in dict(countries):
        country = ""
    if field not in Field.values:
        field = ""
    language = get_language()
    people = sorted(  # by the reader's alphabet: Çelik after Cem in Turkish, beside C in German
        selectors.directory_list(country=country, field=field),
        key=lambda a: sort_key(a.user.name, language),
    )
    paginator = Paginator(people, DIRECTORY_PAGE_SIZE)
    return render(
        request,
        "ambassadors/directory.html",
        {
            "page": paginator.get_page(request.GET.get("page")),
            "countries": [(c, countries.name(c)) for c in selectors.directory_countries()],
            "fields": Field.choices,
            "selected_country": country,
            "selected_field": field,
        },
    )
