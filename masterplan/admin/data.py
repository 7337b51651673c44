from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from masterplan.models import InvestmentTarget, LocalDataset, LocalDataValue, PlanExport
from masterplan.services.localdata import COLUMNS, local_data_import


@admin.register(InvestmentTarget)
class InvestmentTargetAdmin(TranslationAdmin):
    list_display = ["title", "sector", "year", "amount", "currency", "status", "plan"]
    list_filter = ["sector", "year", "currency", "status", "plan"]
    search_fields = ["title", "note"]
    list_select_related = ["plan"]
    filter_horizontal = ["target_cities"]


class LocalDataValueInline(admin.TabularInline):
    model = LocalDataValue
    extra = 0


class CSVImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


@admin.register(LocalDataset)
class LocalDatasetAdmin(TranslationAdmin):
    list_display = ["title", "key", "unit", "source"]
    search_fields = ["title", "key", "source"]
    inlines = [LocalDataValueInline]
    change_list_template = "masterplan/admin/localdataset_change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="masterplan_localdataset_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = CSVImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            result = local_data_import(content=form.cleaned_data["file"].read())
            if result.ok:
                self.message_user(
                    request,
                    _("Imported %(values)s values (%(datasets)s new data sets).")
                    % {"values": result.values, "datasets": result.datasets},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:masterplan_localdataset_changelist"))
            self.message_user(
                request, _("Nothing was imported: the file has problems."), messages.ERROR
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import local data from CSV"),
            "form": form,
            "result": result,
            "columns": ",".join(COLUMNS),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "masterplan/admin/localdataset_import.html", context)


@admin.register(PlanExport)
class PlanExportAdmin(admin.ModelAdmin):
    list_display = ["plan", "language", "date", "status", "created_at"]
    list_filter = ["status", "language"]
    list_select_related = ["plan"]
    readonly_fields = ["plan", "language", "date", "status", "download", "error", "created_at"]
    fields = readonly_fields
    search_fields = ["plan__title"]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/pdf/",
                self.admin_site.admin_view(self.pdf_view),
                name="masterplan_planexport_pdf",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("file"))
    def download(self, export):
        # The PDF is in private storage: its storage URL (/media/...) serves nothing.
        if not export.pk or not export.file:
            return "–"
        url = reverse("admin:masterplan_planexport_pdf", args=[export.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def pdf_view(self, request, pk: int):
        export = get_object_or_404(PlanExport.objects.select_related("plan"), pk=pk)
        if not self.has_view_permission(request, export):
            raise PermissionDenied
        try:
            handle = export.file.open("rb") if export.file else None
        except FileNotFoundError:
            handle = None
        if handle is None:
            raise Http404
        return FileResponse(
            handle,
            as_attachment=True,
            filename=(
                f"masterplan-{export.plan.period_start}-{export.plan.period_end}-"
                f"{export.language}.pdf"
            ),
            content_type="application/pdf",
        )
