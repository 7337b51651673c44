from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ambassadors.admin.actions import (
    confirm_requested,
    intermediate_page,
    reason_title,
    run_each,
)
from ambassadors.forms import ReasonForm
from ambassadors.models import Application, Cohort, Module
from ambassadors.services.applications import application_accept, application_reject
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin, TranslationTabularInline


class ModuleInline(TranslationTabularInline):
    model = Module
    extra = 0
    fields = ["order", "kind", "title", "provider", "required", "starts_on", "ends_on"]


@admin.register(Cohort)
class CohortAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["title", "year", "starts_on", "ends_on", "is_open_for_applications"]
    list_filter = ["year", "is_open_for_applications"]
    search_fields = ["title"]
    inlines = [ModuleInline]


@admin.register(Module)
class ModuleAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["title", "cohort", "kind", "provider", "required", "order", "starts_on"]
    list_filter = ["cohort", "kind", "required", "provider"]
    search_fields = ["title", "provider", "description"]
    list_select_related = ["cohort"]


@admin.register(Application)
class ApplicationAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "email",
        "cohort",
        "country",
        "city",
        "field",
        "language",
        "status",
        "created_at",
    ]
    list_filter = ["status", "cohort", "field", "language", "country"]
    search_fields = ["name", "email", "city", "organisation", "motivation"]
    list_select_related = ["cohort", "reviewed_by"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject"]
    readonly_fields = [f.name for f in Application._meta.fields]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Accept the selected applications and invite them"),
                  permissions=["change"])  # fmt: skip
    def accept(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("cohort"),
            lambda a: application_accept(application=a, by=request.user),
            done=_("Application accepted and invitation to the member area mailed: %(names)s."),
        )

    @admin.action(description=_("Reject the selected applications…"), permissions=["change"])
    def reject(self, request, queryset):
        form = ReasonForm(request.POST if confirm_requested(request) else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            run_each(
                self,
                request,
                queryset,
                lambda a: application_reject(application=a, by=request.user, reason=reason),
                done=_("Application rejected and the reason mailed: %(names)s."),
            )
            return None
        return intermediate_page(
            self,
            request,
            queryset,
            action="reject",
            title=reason_title(queryset.count(), _("Reject applications")),
            form=form,
        )
