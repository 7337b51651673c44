from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from masterplan.models import InvestmentTarget, LocalDataset, LocalDataValue, Plan, PlanExport
from masterplan.services.localdata import COLUMNS, local_data_import
from weltstadt.numbers import LocalizedNumbersAdminMixin
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin


@admin.register(InvestmentTarget)
class InvestmentTargetAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["title", "sector", "year", "amount", "currency", "status", "plan"]
    list_filter = ["sector", "year", "currency", "status", "plan"]
    search_fields = ["title", "note"]
    list_select_related = ["plan"]
    filter_horizontal = ["target_cities"]


class LocalDataValueInline(LocalizedNumbersAdminMixin, admin.TabularInline):
    model = LocalDataValue
    extra = 0


class CSVImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
    language = forms.ChoiceField(
        label=_("Numbers in the file are written as in"),
        choices=[("", "---------"), *settings.LANGUAGES],
        help_text=_(
            "Decides how “185.000” or “1,5” are read: German and Turkish write 185.000 for "
            "one hundred and eighty-five thousand, English writes 185,000."
        ),
    )


class MeasurementImportForm(CSVImportForm):
    plan = forms.ModelChoiceField(label=_("master plan"), queryset=Plan.objects.all())


@admin.register(LocalDataset)
class LocalDatasetAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
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
        return csv_import_view(
            self,
            request,
            form_class=CSVImportForm,
            service=lambda data: local_data_import(
                content=data["file"].read(), language=data["language"]
            ),
            title=_("Import local data from CSV"),
            intro=_(
                "One row per data set and year, for data sets that exist (their key); an "
                "unknown key is refused, create the data set first."
            ),
            columns=COLUMNS,
        )


def csv_import_view(modeladmin, request, *, form_class, service, title, intro, columns):
    """The page of a CSV import: a form, then either every row's problem or a success message."""
    if not modeladmin.has_add_permission(request):
        return redirect("admin:index")
    form = form_class(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = service(form.cleaned_data)
        if result.ok:
            modeladmin.message_user(
                request,
                _("Imported %(values)s values.") % {"values": result.values},
                messages.SUCCESS,
            )
            opts = modeladmin.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        modeladmin.message_user(
            request, _("Nothing was imported: the file has problems."), messages.ERROR
        )
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "form": form,
        "result": result,
        "columns": ",".join(columns),
        "opts": modeladmin.model._meta,
    }
    return TemplateResponse(request, "masterplan/admin/localdataset_import.html", context)


@admin.register(PlanExport)
class PlanExportAdmin(FoldedSearchMixin, admin.ModelAdmin):
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
