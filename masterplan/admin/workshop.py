from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from masterplan.models import Workshop, WorkshopParticipant
from masterplan.services.workshop import ballot_links_send
from weltstadt.numbers import LocalizedNumbersAdminMixin
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin


class ParticipantInline(LocalizedNumbersAdminMixin, admin.TabularInline):
    model = WorkshopParticipant
    fields = [
        "name",
        "organisation",
        "city",
        "email",
        "language",
        "ballot_link",
        "link_mailed_at",
        "voted_at",
    ]
    readonly_fields = ["ballot_link", "link_mailed_at", "voted_at"]
    autocomplete_fields = ["city"]
    extra = 0

    @admin.display(description=_("ranking link"))
    def ballot_link(self, obj):
        if not obj.pk:
            return "–"
        url = reverse("masterplan:ballot", kwargs={"token": obj.token})
        label = pgettext_lazy("link that opens a page", "open")
        return format_html('<a href="{}">{}</a>', url, label)


@admin.action(description=_("Send the ranking links by mail"))
def send_ballot_links(modeladmin, request, queryset):
    """Mass mail: first a page that says how many mails go out, then only on confirmation."""
    workshops = list(queryset)
    pending = WorkshopParticipant.objects.filter(
        workshop__in=workshops, link_mailed_at=None
    ).exclude(email="")
    count = pending.count()
    if "apply" not in request.POST:
        return TemplateResponse(
            request,
            "masterplan/admin/ballot_links_confirm.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Send the ranking links by mail"),
                "opts": modeladmin.model._meta,
                "workshops": workshops,
                "count": count,
                "without_address": WorkshopParticipant.objects.filter(
                    workshop__in=workshops, email=""
                ).count(),
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )
    sent = sum(ballot_links_send(workshop=workshop) for workshop in workshops)
    modeladmin.message_user(
        request,
        _("%(n)s ranking links written to the outbox.") % {"n": sent},
        messages.SUCCESS,
    )
    return None


@admin.register(Workshop)
class WorkshopAdmin(FoldedSearchMixin, LocalizedNumbersAdminMixin, TranslationAdmin):
    list_display = ["title", "date", "place", "plan", "ballot_open", "ballot_closes_on", "results"]
    list_filter = ["plan", "ballot_open"]
    search_fields = ["title", "place", "facilitators"]
    list_select_related = ["plan"]
    inlines = [ParticipantInline]
    actions = [send_ballot_links]

    @admin.display(description=_("ranking"))
    def results(self, obj):
        url = reverse("masterplan:workshop", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("results"))
