from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationAdmin

from masterplan.models import Workshop, WorkshopParticipant


class ParticipantInline(admin.TabularInline):
    model = WorkshopParticipant
    fields = ["name", "organisation", "city", "email", "ballot_link", "voted_at"]
    readonly_fields = ["ballot_link", "voted_at"]
    autocomplete_fields = ["city"]
    extra = 0

    @admin.display(description=_("ranking link"))
    def ballot_link(self, obj):
        if not obj.pk:
            return "–"
        url = reverse("masterplan:ballot", kwargs={"token": obj.token})
        label = pgettext_lazy("link that opens a page", "open")
        return format_html('<a href="{}">{}</a>', url, label)


@admin.register(Workshop)
class WorkshopAdmin(TranslationAdmin):
    list_display = ["title", "date", "place", "plan", "ballot_open", "results"]
    list_filter = ["plan", "ballot_open"]
    search_fields = ["title", "place", "facilitators"]
    list_select_related = ["plan"]
    inlines = [ParticipantInline]

    @admin.display(description=_("ranking"))
    def results(self, obj):
        url = reverse("masterplan:workshop", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("results"))
