"""Staff pages of a summit inside the admin (so the admin's login and MFA rules apply)."""

import uuid

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from summits import selectors
from summits.exports import registrations_csv, sorted_by_name
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


def _check_in(request, summit, registration) -> str:
    """Record an arrival; the outcome names what the page shows ("arrived", "already", …)."""
    try:
        return (
            "arrived"
            if registration_check_in(registration=registration, by=request.user)
            else ("already")
        )
    except SummitError as error:
        messages.error(request, error.message)
        return "refused"


@staff_member_required
@require_http_methods(["GET", "POST"])
def checkin(request, pk):
    """Scan and done: a scanned badge (the scanner types the code and presses Enter) is checked
    in at once; a name search lists people, each with a button. Someone already checked in gets
    a full-screen warning with the time and the person who let them in."""
    summit = _summit(request, pk, "change_registration")
    if request.method == "POST":
        registration = None
        if request.POST.get("registration"):
            registration = Registration.objects.filter(
                summit=summit, pk=request.POST["registration"]
            ).first()
            if registration is None:
                messages.error(request, _("No such participant."))
                return redirect(request.path)
        else:
            query = request.POST.get("q", "").strip()
            registration = selectors.checkin_by_code(summit=summit, query=query)
            if registration is None:
                return redirect(f"{request.path}?{urlencode({'q': query})}")
        outcome = _check_in(request, summit, registration)
        return redirect(f"{request.path}?{urlencode({'outcome': outcome, 'who': registration.pk})}")
    form = CheckInSearchForm(request.GET if "q" in request.GET else None)
    results = (
        selectors.checkin_search(
            summit=summit, query=form.cleaned_data["q"], language=get_language()
        )
        if form.is_bound and form.is_valid()
        else []
    )
    outcome = request.GET.get("outcome")
    who = None
    if outcome in ("arrived", "already", "refused") and request.GET.get("who", "").isdigit():
        who = (
            Registration.objects.select_related("city", "checked_in_by")
            .filter(summit=summit, pk=request.GET["who"])
            .first()
        )
    with timezone.override(summit.tz):
        return render(
            request,
            "summits/admin/checkin.html",
            _context(request, summit, _("Check-in"), form=form, results=results, who=who,
                     outcome=outcome if who else None,
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
def badges_progress(request, pk):
    summit = _summit(request, pk, "view_registration")
    return render(
        request,
        "summits/admin/badges_progress.html",
        _context(request, summit, _("Name badges"),
                 progress=selectors.badge_progress(summit=summit)),
    )  # fmt: skip


@staff_member_required
def badges_progress_json(request, pk):
    summit = _summit(request, pk, "view_registration")
    return JsonResponse(selectors.badge_progress(summit=summit).as_dict())


@staff_member_required
def participants_csv(request, pk):
    summit = _summit(request, pk, "view_registration")
    registrations = summit.registrations.exclude(
        status=Registration.Status.CANCELLED
    ).select_related("summit", "city", "delegation__city")
    return registrations_csv(
        request,
        sorted_by_name(registrations, get_language()),
        filename=f"participants-{summit.slug}",
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
