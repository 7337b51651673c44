"""Country filters that list only the countries where offices are, not all 250 of the world."""

from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from offices.models import Office
from weltstadt.text_search import sort_key


class CountryInUseFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"
    field = "country"

    def lookups(self, request, model_admin):
        codes = sorted(set(Office.objects.values_list("country", flat=True)))
        language = get_language()
        return sorted(
            ((code, countries.name(code)) for code in codes),
            key=lambda choice: sort_key(str(choice[1]), language),
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class OfficeCountryInUseFilter(CountryInUseFilter):
    """The same, for records of an office (requests, payments, reports, board members)."""

    parameter_name = "office_country"
    field = "office__country"


class RequestOfficeCountryInUseFilter(CountryInUseFilter):
    parameter_name = "office_country"
    field = "request__office__country"
