"""Back-office pages of the translation workflow: confirm a translation, export and import a
language's pending texts. Staff only (through the admin's login and two-factor check)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from weltstadt.exports import csv_response
from weltstadt.translation_admin import language_name
from weltstadt.translation_exchange import (
    csv_header,
    csv_rows,
    pending_units,
    translations_import,
    xliff_content,
)
from weltstadt.translation_roles import exchange_languages, may_confirm, may_edit_catalogue
from weltstadt.translation_state import is_translated, translation_confirm

FORMATS = [("xliff", "XLIFF 1.2"), ("csv", "CSV")]


@require_POST
def confirm(request, content_type_id: int, object_id: int):
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    if model is None or not is_translated(model):
        raise Http404
    obj = model._base_manager.filter(pk=object_id).first()
    if obj is None:
        raise Http404
    language = request.POST.get("translation_confirm", "")
    if not may_confirm(request.user, model, language):
        raise PermissionDenied
    count = translation_confirm(obj=obj, language=language, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d %(language)s text confirmed as up to date.",
            "%(count)d %(language)s texts confirmed as up to date.",
            count,
        )
        % {"count": count, "language": language_name(language)},
    )
    opts = model._meta
    return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    file_format = forms.ChoiceField(label=gettext_lazy("Format"), choices=FORMATS)

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, language_name(code)) for code in languages]


class ImportForm(ExportForm):
    file = forms.FileField(label=gettext_lazy("File"))


def _languages(request) -> list[str]:
    languages = exchange_languages(request.user)
    if not languages:
        raise PermissionDenied
    return languages


def _page(request, import_form, result=None, status=200):
    languages = _languages(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Translations: export and import"),
        "export_form": ExportForm(languages=languages, auto_id="export_%s"),
        "import_form": import_form,
        "result": result,
        "can_edit_catalogues": may_edit_catalogue(request.user),
        "counts": [(language_name(code), len(pending_units(code))) for code in languages],
    }
    return TemplateResponse(request, "admin/weltstadt/translations.html", context, status=status)


@require_GET
def exchange(request):
    return _page(request, ImportForm(languages=_languages(request), auto_id="import_%s"))


@require_GET
def export(request):
    form = ExportForm(request.GET, languages=_languages(request))
    if not form.is_valid():
        return _page(
            request, ImportForm(languages=_languages(request), auto_id="import_%s"), status=400
        )
    language = form.cleaned_data["language"]
    units = pending_units(language)
    name = f"weltstadt-translations-{language}"
    if form.cleaned_data["file_format"] == "csv":
        return csv_response(request, name, csv_header(), csv_rows(units, language))
    response = HttpResponse(xliff_content(units, language), content_type="application/xliff+xml")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.xlf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def import_(request):
    form = ImportForm(
        request.POST, request.FILES, languages=_languages(request), auto_id="import_%s"
    )
    if not form.is_valid():
        return _page(request, form, status=400)
    result = translations_import(
        content=form.cleaned_data["file"].read(),
        file_format=form.cleaned_data["file_format"],
        language=form.cleaned_data["language"],
    )
    if result.errors:
        return _page(request, form, result=result, status=400)
    messages.success(
        request,
        ngettext(
            "%(count)d translation imported.", "%(count)d translations imported.", result.applied
        )
        % {"count": result.applied},
    )
    return redirect("translation_exchange")
