"""Experts comment through their personal link; staff read the summary per area."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masterplan.models import ExpertComment, Plan, PriorityArea, Strategy
from masterplan.parsing import whole_number
from masterplan.selectors import consultation_summary as summary_select
from masterplan.services.consultation import (
    ConsultationRefused,
    expert_comment_create,
    expert_comment_update,
    invitation_for_token,
)


def _refused(request, reason: str, *, status: int = 403):
    return render(request, "masterplan/expert_refused.html", {"reason": reason}, status=status)


def _target(plan: Plan, value: str) -> PriorityArea | Strategy | None:
    kind, _sep, text = (value or "").partition("-")
    pk = whole_number(text)
    if pk is None:
        return None
    if kind == "area":
        return PriorityArea.objects.filter(plan=plan, pk=pk).first()
    if kind == "strategy":
        return Strategy.objects.select_related("area").filter(area__plan=plan, pk=pk).first()
    return None


@require_http_methods(["GET", "POST"])
def expert_home(request, token: str):
    try:
        invitation = invitation_for_token(token)
    except ConsultationRefused as exc:
        return _refused(request, str(exc))
    plan = invitation.plan
    if request.method == "POST":
        target = _target(plan, request.POST.get("target", ""))
        if target is None:
            return _refused(
                request, _("This part does not belong to the plan you were invited to.")
            )
        try:
            expert_comment_create(
                invitation=invitation, target=target, text=request.POST.get("text", "")
            )
        except ConsultationRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: your comment has been saved."))
        return redirect(request.path + f"#{request.POST.get('target')}")
    own = ExpertComment.objects.filter(invitation=invitation).order_by("created_at")
    areas = PriorityArea.objects.filter(plan=plan).prefetch_related(
        Prefetch("expert_comments", queryset=own),
        Prefetch(
            "strategies",
            queryset=Strategy.objects.prefetch_related(Prefetch("expert_comments", queryset=own)),
        ),
    )
    return render(
        request,
        "masterplan/expert_home.html",
        {
            "invitation": invitation,
            "plan": plan,
            "areas": areas,
            "open": plan.status in (Plan.Status.DRAFT, Plan.Status.CONSULTATION),
        },
    )


@require_POST
def expert_comment_edit(request, token: str, pk: int):
    try:
        invitation = invitation_for_token(token)
        expert_comment_update(
            invitation=invitation, comment_id=pk, text=request.POST.get("text", "")
        )
    except ConsultationRefused as exc:
        return _refused(request, str(exc))
    messages.success(request, _("Your comment has been changed."))
    return redirect("masterplan:expert_home", token=token)


@staff_member_required
@require_GET
def consultation_summary(request, pk: int):
    if not request.user.has_perm("masterplan.view_expertcomment"):
        raise PermissionDenied
    plan = get_object_or_404(Plan, pk=pk)
    areas = summary_select(plan=plan)
    for area in areas:
        comments = list(area.expert_comments.all())
        for strategy in area.strategies.all():
            comments += list(strategy.expert_comments.all())
        area.count_all = len(comments)
        area.count_approved = sum(
            c.moderation == ExpertComment.Moderation.APPROVED for c in comments
        )
        area.count_taken_up = sum(c.taken_up for c in comments)
    return render(
        request,
        "masterplan/consultation_summary.html",
        {"plan": plan, "areas": areas, "language": translation.get_language()},
    )
