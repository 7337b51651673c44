from django import forms
from django.contrib import admin
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ambassadors.admin.actions import (
    confirm_requested,
    intermediate_page,
    reason_title,
    run_each,
)
from ambassadors.forms import CompletionForm, ReasonForm
from ambassadors.models import Activity, Ambassador, Evidence, ModuleCompletion
from ambassadors.selectors import ambassadors_with_progress
from ambassadors.services import ProgrammeError
from ambassadors.services.progress import (
    ambassador_activate,
    completions_record,
    evidence_approve,
    evidence_return,
)
from ambassadors.views.member import document_response
from weltstadt.exports import csv_response
from weltstadt.text_search import FoldedSearchMixin


class CompletionInline(admin.TabularInline):
    model = ModuleCompletion
    extra = 0
    fields = ["module", "completed_on", "recorded_by"]
    readonly_fields = fields
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ambassador)
class AmbassadorAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = [
        "__str__",
        "email",
        "cohort",
        "status",
        "progress",
        "country",
        "city",
        "field",
        "public_profile",
    ]
    list_filter = ["status", "cohort", "field", "public_profile", "country"]
    search_fields = ["user__name", "user__email", "city", "organisation"]
    list_select_related = ["user", "cohort"]
    readonly_fields = ["user", "application", "status", "created_at"]
    inlines = [CompletionInline]
    actions = ["record_completion", "activate", "export_csv"]

    def get_queryset(self, request):
        return ambassadors_with_progress(super().get_queryset(request))

    @admin.display(description=_("e-mail address"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("required modules"), ordering="required_done")
    def progress(self, obj):
        return f"{obj.required_done} / {obj.required_total}"

    @admin.action(description=_("Record a module completion…"), permissions=["change"])
    def record_completion(self, request, queryset):
        cohort_ids = set(queryset.values_list("cohort_id", flat=True))
        form = CompletionForm(
            request.POST if confirm_requested(request) else None,
            cohort_ids=cohort_ids,
            initial={"completed_on": timezone.localdate()},
        )
        if form.is_valid():
            try:
                created = completions_record(
                    ambassadors=queryset,
                    module=form.cleaned_data["module"],
                    completed_on=form.cleaned_data["completed_on"],
                    by=request.user,
                )
            except ProgrammeError as error:
                self.message_user(request, str(error), "error")
            else:
                self.message_user(
                    request,
                    _("%(count)d completions recorded.") % {"count": created},
                    "success",
                )
            return None
        return intermediate_page(
            self,
            request,
            queryset,
            action="record_completion",
            title=reason_title(queryset.count(), _("Record a module completion")),
            form=form,
        )

    @admin.action(description=_("Make the selected candidates ambassadors"),
                  permissions=["change"])  # fmt: skip
    def activate(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("user"),
            lambda a: ambassador_activate(ambassador=a, by=request.user),
            done=_("Now ambassadors: %(names)s."),
        )

    @admin.action(description=_("Export the selected ambassadors as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        header = [
            _("name"),
            _("e-mail address"),
            _("cohort"),
            _("status"),
            _("required modules completed"),
            _("required modules"),
            _("country"),
            _("city"),
            _("field"),
            _("organisation"),
            _("public profile"),
        ]
        rows = (
            [
                a.user.name,
                a.user.email,
                str(a.cohort),
                a.get_status_display(),
                a.required_done,
                a.required_total,
                a.country.code,
                a.city,
                a.get_field_display(),
                a.organisation,
                a.public_profile,
            ]
            for a in queryset.iterator(chunk_size=1000)
        )
        return csv_response(request, "ambassadors", [str(h) for h in header], rows)


class CompletionAdminForm(forms.ModelForm):
    class Meta:
        model = ModuleCompletion
        fields = ["ambassador", "module", "completed_on"]

    def clean(self):
        data = super().clean()
        ambassador, module = data.get("ambassador"), data.get("module")
        if ambassador and module and ambassador.cohort_id != module.cohort_id:
            raise forms.ValidationError(_("The module is not one of the ambassador's cohort."))
        if data.get("completed_on") and data["completed_on"] > timezone.localdate():
            raise forms.ValidationError(_("A module cannot be completed in the future."))
        return data


@admin.register(ModuleCompletion)
class ModuleCompletionAdmin(FoldedSearchMixin, admin.ModelAdmin):
    form = CompletionAdminForm
    list_display = ["ambassador", "module", "completed_on", "recorded_by"]
    list_filter = ["module__cohort", "module"]
    search_fields = ["ambassador__user__name", "ambassador__user__email", "module__title"]
    list_select_related = ["ambassador__user", "module", "recorded_by"]
    autocomplete_fields = ["ambassador"]
    date_hierarchy = "completed_on"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Evidence)
class EvidenceAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["ambassador", "module", "status", "submitted_at", "document_link"]
    list_filter = ["status", "module__cohort", "module"]
    search_fields = ["ambassador__user__name", "ambassador__user__email", "text"]
    list_select_related = ["ambassador__user", "module"]
    readonly_fields = [
        "ambassador",
        "module",
        "text",
        "document_link",
        "status",
        "staff_comment",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
    ]
    fields = readonly_fields
    actions = ["approve", "send_back"]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/document/",
                self.admin_site.admin_view(self.document_view),
                name="ambassadors_evidence_document",
            ),
            *super().get_urls(),
        ]

    def document_view(self, request, pk: int):
        evidence = get_object_or_404(Evidence, pk=pk)
        if not self.has_view_permission(request, evidence):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return document_response(evidence)

    @admin.display(description=_("document"))
    def document_link(self, obj):
        if not obj.document:
            return "—"
        url = reverse("admin:ambassadors_evidence_document", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.document.name.rsplit("/", 1)[-1])

    @admin.action(description=_("Approve the selected evidence"), permissions=["change"])
    def approve(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("ambassador__user", "module"),
            lambda e: evidence_approve(evidence=e, by=request.user),
            done=_("Evidence approved, module completed and the ambassador informed: %(names)s."),
        )

    @admin.action(description=_("Send the selected evidence back…"), permissions=["change"])
    def send_back(self, request, queryset):
        form = ReasonForm(request.POST if confirm_requested(request) else None)
        if form.is_valid():
            comment = form.cleaned_data["reason"]
            run_each(
                self,
                request,
                queryset,
                lambda e: evidence_return(evidence=e, by=request.user, comment=comment),
                done=_("Evidence sent back with your comment: %(names)s."),
            )
            return None
        return intermediate_page(
            self,
            request,
            queryset,
            action="send_back",
            title=reason_title(queryset.count(), _("Send evidence back with a comment")),
            form=form,
        )


@admin.register(Activity)
class ActivityAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["date", "ambassador", "kind", "city", "country", "people_reached"]
    list_filter = ["kind", "country", "ambassador__cohort"]
    search_fields = ["ambassador__user__name", "city", "description"]
    list_select_related = ["ambassador__user"]
    date_hierarchy = "date"
    autocomplete_fields = ["ambassador"]
    actions = ["export_csv"]

    @admin.action(description=_("Export the selected activities as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        header = [
            _("date"),
            _("ambassador"),
            _("kind"),
            _("city"),
            _("country"),
            _("people reached"),
            _("description"),
        ]
        rows = (
            [
                a.date,
                a.ambassador.user.name,
                a.get_kind_display(),
                a.city,
                a.country.code,
                a.people_reached,
                a.description,
            ]
            for a in queryset.select_related("ambassador__user").iterator(chunk_size=1000)
        )
        return csv_response(request, "activities", [str(h) for h in header], rows)
