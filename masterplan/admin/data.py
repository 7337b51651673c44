from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
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
    readonly_fields = ["plan", "language", "date", "status", "file", "error", "created_at"]
    search_fields = ["plan__title"]

    def has_add_permission(self, request):
        return False
