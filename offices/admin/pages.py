"""Small admin pages around services: a form, a service call, a message, back to the object."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse


def _back_to(obj) -> HttpResponseRedirect:
    opts = obj._meta
    return HttpResponseRedirect(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    )


def admin_form_page(
    request,
    *,
    model_admin,
    obj,
    form_class,
    title: str,
    perform,
    success: str,
    intro: str = "",
    closed: str = "",
    form_kwargs: dict | None = None,
):
    """Render `form_class` for `obj`; on a valid POST call `perform(form.cleaned_data)`.

    A refusal by the service (ValidationError) is shown on the form and changes nothing. With
    `closed` (the reason the action no longer applies, e.g. the request is decided) the page does
    not open: the user is sent back to the object with that message.
    """
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    if closed:
        messages.warning(request, closed)
        return _back_to(obj)
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            perform(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return _back_to(obj)
    context = {
        **admin.site.each_context(request),
        "opts": obj._meta,
        "original": obj,
        "title": title,
        "intro": intro,
        "form": form,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "offices/admin/form_page.html", context)
