"""Building blocks of the programme's admin actions: intermediate pages and service loops."""

from collections.abc import Callable, Iterable

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ambassadors.services import ProgrammeError


def intermediate_page(
    modeladmin: admin.ModelAdmin, request, queryset, *, action: str, title: str, form
) -> TemplateResponse:
    """The page an action shows to ask for more (a reason, a module); it posts the action back."""
    return TemplateResponse(
        request,
        "ambassadors/admin/action_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "opts": modeladmin.model._meta,
            "objects": list(queryset),
            "form": form,
            "action": action,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        },
    )


def run_each(
    modeladmin: admin.ModelAdmin,
    request,
    objects: Iterable,
    call: Callable[[object], object],
    *,
    done: str,
) -> int:
    """Call a service per object; say what happened to whom, and each refusal by name.

    `done` is the translated sentence of the outcome with a `%(names)s` placeholder, for
    example "Application accepted and invitation mailed: %(names)s."
    """
    names = []
    for obj in objects:
        try:
            call(obj)
        except ProgrammeError as error:
            modeladmin.message_user(request, f"{obj}: {error}", messages.ERROR)
        else:
            names.append(str(obj))
    if names:
        modeladmin.message_user(request, done % {"names": ", ".join(names)}, messages.SUCCESS)
    return len(names)


def confirm_requested(request) -> bool:
    return "apply" in request.POST


def reason_title(count: int, text: str) -> str:
    return _("%(text)s (%(count)d selected)") % {"text": text, "count": count}
