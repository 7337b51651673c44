"""The ambassador's member area: own records only; anything else is a 404."""

import base64
import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ambassadors import selectors
from ambassadors.certificates.standing import holds_title
from ambassadors.forms import ActivityForm, EvidenceForm, GoalReportForm, ProfileForm
from ambassadors.models import Activity, Evidence, MissionStatement, Module, PersonalGoal
from ambassadors.services import ProgrammeError
from ambassadors.services.members import activity_save, profile_update
from ambassadors.services.mission import goal_report
from ambassadors.services.progress import evidence_submit
from weltstadt.private_storage import private_file_response

_ambassador = selectors.ambassador_for_user_or_404


def _get_module_for_user(request, pk: int) -> Module:
    ambassador = _ambassador(request.user)
    return get_object_or_404(
        Module, pk=pk, cohort=ambassador.cohort, kind=Module.Kind.IMPLEMENTATION
    )


def _get_evidence_for_user(request, pk: int) -> Evidence:
    return get_object_or_404(
        Evidence.objects.select_related("module"), pk=pk, ambassador=_ambassador(request.user)
    )


def _get_activity_for_user(request, pk: int) -> Activity:
    return get_object_or_404(Activity, pk=pk, ambassador=_ambassador(request.user))


def _get_goal_for_user(request, pk: int) -> PersonalGoal:
    return get_object_or_404(PersonalGoal, pk=pk, ambassador=_ambassador(request.user))


def _get_statement_for_user(request, year: int) -> MissionStatement:
    return get_object_or_404(selectors.mission_statements_for(_ambassador(request.user)), year=year)


@login_required
@require_GET
def progress(request):
    ambassador = _ambassador(request.user)
    return render(
        request,
        "ambassadors/member/progress.html",
        {"ambassador": ambassador, "progress": selectors.progress_for(ambassador)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_new(request, module_pk: int):
    module = _get_module_for_user(request, module_pk)
    ambassador = _ambassador(request.user)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence_submit(
                ambassador=ambassador,
                module=module,
                text=form.cleaned_data["text"],
                document=form.cleaned_data.get("document"),
            )
        except ProgrammeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you. Your evidence has been submitted."))
            return redirect("ambassadors:progress")
    history = Evidence.objects.filter(ambassador=ambassador, module=module)
    return render(
        request,
        "ambassadors/member/evidence_form.html",
        {"module": module, "form": form, "history": history},
    )


@login_required
@require_GET
def evidence_document(request, pk: int):
    evidence = _get_evidence_for_user(request, pk)
    return document_response(evidence)


def document_response(evidence: Evidence) -> FileResponse:
    """The evidence's private document as a download (callers check permission)."""
    return private_file_response(evidence.document)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    ambassador = _ambassador(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=ambassador)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        photo = data.pop("photo")
        profile_update(
            ambassador=ambassador,
            photo=photo if isinstance(photo, UploadedFile) or photo is False else None,
            **data,
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("ambassadors:profile")
    return render(
        request,
        "ambassadors/member/profile.html",
        {"ambassador": ambassador, "form": form, "holds_title": holds_title(ambassador)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def activities(request):
    ambassador = _ambassador(request.user)
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        activity_save(ambassador=ambassador, **form.cleaned_data)
        messages.success(request, _("The activity has been recorded."))
        return redirect("ambassadors:activities")
    page = Paginator(selectors.activity_list(ambassador=ambassador), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "ambassadors/member/activities.html", {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int):
    activity = _get_activity_for_user(request, pk)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        activity_save(ambassador=activity.ambassador, activity=activity, **form.cleaned_data)
        messages.success(request, _("The activity has been saved."))
        return redirect("ambassadors:activities")
    return render(
        request, "ambassadors/member/activity_form.html", {"form": form, "activity": activity}
    )


@login_required
@require_GET
def mission_list(request):
    ambassador = _ambassador(request.user)
    return render(
        request,
        "ambassadors/member/mission_list.html",
        {"statements": selectors.mission_statements_for(ambassador)},
    )


@login_required
@require_GET
def mission_detail(request, year: int):
    statement = _get_statement_for_user(request, year)
    ambassador = _ambassador(request.user)
    goals = PersonalGoal.objects.filter(ambassador=ambassador, year=year)
    return render(
        request,
        "ambassadors/member/mission_detail.html",
        {
            "statement": statement,
            "goals": [(goal, GoalReportForm(prefix=f"goal{goal.pk}")) for goal in goals],
            "signature": _signature_data_uri(statement),
        },
    )


def _signature_data_uri(statement: MissionStatement) -> str:
    """The signature inline, so that the private file never gets a URL of its own."""
    if not statement.signature:
        return ""
    try:
        with statement.signature.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        return ""
    mimetype = mimetypes.guess_type(statement.signature.name)[0] or "image/png"
    return f"data:{mimetype};base64,{base64.b64encode(content).decode()}"


@login_required
@require_http_methods(["POST"])
def goal_report_view(request, pk: int):
    goal = _get_goal_for_user(request, pk)
    form = GoalReportForm(request.POST, prefix=f"goal{goal.pk}")
    if form.is_valid():
        try:
            goal_report(goal=goal, text=form.cleaned_data["progress_report"])
        except ProgrammeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your progress report has been saved."))
    else:
        messages.error(request, _("Please write a few words on your progress."))
    return redirect("ambassadors:mission_detail", year=goal.year)
