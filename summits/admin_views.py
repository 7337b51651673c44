"""Staff pages of a summit inside the admin (so the admin's login and MFA rules apply)."""

import uuid

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from summits import selectors
from summits.exports import registrations_csv
from summits.forms import CheckInSearchForm, SummitMessageForm
from summits.models import Registration, Summit
from summits.services.errors import SummitError
from summits.services.notifications import summit_message_send
from summits.services.registration import registration_check_in


def _summit(request, pk: int, permission: str) -> Summit:
    if not request.user.has_perm(f"summits.{permission}"):
        raise PermissionDenied
    return get_object_or_404(Summit.objects.select_related("host_city"), pk=pk)


def _context(request, summit, title, **extra):
    from django.contrib import admin

    return {
        **admin.site.each_context(request),
        "summit": summit,
        "title": title,
        "opts": Summit._meta,
        **extra,
    }


@staff_member_required
@require_http_methods(["GET", "POST"])
def checkin(request, pk):
    summit = _summit(request, pk, "change_registration")
    if request.method == "POST":
        registration = Registration.objects.filter(
            summit=summit, pk=request.POST.get("registration")
        ).first()
        if registration is None:
            messages.error(request, _("No such participant."))
        else:
            try:
                if registration_check_in(registration=registration, by=request.user):
                    messages.success(
                        request, _("%(name)s has arrived.") % {"name": registration.name}
                    )
                else:
                    messages.warning(
                        request,
                        _("%(name)s was already checked in.") % {"name": registration.name},
                    )
            except SummitError as error:
                messages.error(request, error.message)
        return redirect(request.get_full_path())
    form = CheckInSearchForm(request.GET or None)
    results = (
        selectors.checkin_search(summit=summit, query=form.data.get("q", ""))
        if form.is_bound and form.is_valid()
        else []
    )
    return render(
        request,
        "summits/admin/checkin.html",
        _context(request, summit, _("Check-in"), form=form, results=results,
                 counts=selectors.attendance(summit=summit)),
    )  # fmt: skip


@staff_member_required
def attendance(request, pk):
    summit = _summit(request, pk, "view_registration")
    return render(
        request,
        "summits/admin/attendance.html",
        _context(request, summit, _("Attendance"), attendance=selectors.attendance(summit=summit)),
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def message(request, pk):
    summit = _summit(request, pk, "change_registration")
    form = SummitMessageForm(request.POST or None, initial={"message_id": uuid.uuid4().hex})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        count = summit_message_send(
            summit=summit,
            subject=data["subject"],
            body=data["body"],
            statuses=data["statuses"],
            message_id=data["message_id"],
        )
        messages.success(request, _("%(count)d messages are in the outbox.") % {"count": count})
        return redirect("admin:summits_summit_changelist")
    return render(
        request,
        "summits/admin/message.html",
        _context(request, summit, _("Mail participants"), form=form),
    )


@staff_member_required
def badges_pdf(request, pk):
    summit = _summit(request, pk, "view_registration")
    if not summit.badges_pdf:
        raise Http404(_("The badges have not been rendered yet."))
    return FileResponse(summit.badges_pdf.open("rb"), content_type="application/pdf",
                        filename=f"badges-{summit.slug}.pdf")  # fmt: skip


@staff_member_required
def participants_csv(request, pk):
    summit = _summit(request, pk, "view_registration")
    return registrations_csv(
        summit.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("summit", "city", "delegation__city")
        .order_by("city__name", "name")
    )


@staff_member_required
def registration_badge(request, pk):
    if not request.user.has_perm("summits.view_registration"):
        raise PermissionDenied
    registration = get_object_or_404(Registration, pk=pk)
    if not registration.badge_pdf:
        raise Http404(_("The badge has not been rendered yet."))
    return FileResponse(registration.badge_pdf.open("rb"), content_type="application/pdf",
                        filename=f"badge-{registration.pk}.pdf")  # fmt: skip
