"""Admin actions for data protection requests on subscribers and ambassadors: export as JSON,
and erase after a confirmation page that names the count and what is kept by law.

Added to the programmes' ModelAdmins from WeltstadtConfig.ready(), so the programme apps need no
change; export needs the view permission, erasure the delete permission of the model.
"""

import io
import zipfile

from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weltstadt import personal_data


def _json_download(request, kind: str, queryset, export) -> HttpResponse:
    items = list(queryset)
    if len(items) == 1:
        response = HttpResponse(export(items[0]), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{kind}-{items[0].pk}.json"'
        return response
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            archive.writestr(f"{kind}-{item.pk}.json", export(item))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{kind}-data.zip"'
    return response


def _erase(model_admin, request, queryset, kind: str, erase):
    count = queryset.count()
    if request.POST.get("confirmed") == "yes":
        for item in queryset:
            erase(item)
        model_admin.message_user(
            request,
            _("Erased the personal data of %(count)s records.") % {"count": count},
            messages.SUCCESS,
        )
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Erase personal data"),
        "opts": model_admin.model._meta,
        "queryset": queryset,
        "count": count,
        "kept": personal_data.KEPT_BY_LAW[kind],
        "action": request.POST.get("action"),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/weltstadt/personal_data_erase.html", context)


@admin.action(description=gettext_lazy("Export personal data (JSON)"), permissions=["view"])
def subscriber_export_action(model_admin, request, queryset):
    return _json_download(request, "subscriber", queryset, personal_data.subscriber_export)


@admin.action(description=gettext_lazy("Erase personal data…"), permissions=["delete"])
def subscriber_erase_action(model_admin, request, queryset):
    return _erase(model_admin, request, queryset, "subscriber", personal_data.subscriber_erase)


@admin.action(description=gettext_lazy("Export personal data (JSON)"), permissions=["view"])
def ambassador_export_action(model_admin, request, queryset):
    return _json_download(request, "ambassador", queryset, personal_data.ambassador_export)


@admin.action(description=gettext_lazy("Erase personal data…"), permissions=["delete"])
def ambassador_erase_action(model_admin, request, queryset):
    return _erase(model_admin, request, queryset, "ambassador", personal_data.ambassador_erase)


def add_personal_data_actions() -> None:
    from ambassadors.models import Ambassador
    from newsletter.models import Subscriber

    for model, actions in (
        (Subscriber, [subscriber_export_action, subscriber_erase_action]),
        (Ambassador, [ambassador_export_action, ambassador_erase_action]),
    ):
        model_admin = admin.site._registry.get(model)
        if model_admin is not None:
            model_admin.actions = [*(model_admin.actions or []), *actions]
