"""Registration without an account: a person, a delegation, and their own links."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from summits import selectors
from summits.forms import (
    DelegationForm,
    IndividualForm,
    MemberFormSet,
    RegistrationChangeForm,
)
from summits.models import Delegation, Registration
from summits.services.errors import SummitError
from summits.services.registration import (
    delegation_add_members,
    delegation_confirm,
    delegation_is_pending,
    delegation_register,
    registration_cancel,
    registration_confirm,
    registration_request,
    registration_update,
)
from weltstadt.text_search import sort_key
from weltstadt.throttle import THROTTLED_MESSAGE, throttle_allows


def _manage_url(registration: Registration) -> str:
    return reverse("summits:registration_manage", kwargs={"token": registration.manage_token})


def _invalid_link(request):
    return render(request, "summits/invalid_link.html", status=404)


def _closed(request, summit, availability="closed"):
    return render(
        request,
        "summits/registration_closed.html",
        {"summit": summit, "availability": availability},
    )


@require_http_methods(["GET", "POST"])
def register(request, slug):
    summit = selectors.summit_get_public(slug=slug)
    availability = selectors.registration_availability(summit=summit)
    if availability in ("closed", "full") and request.method == "GET":
        return _closed(request, summit, availability)
    form = IndividualForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not throttle_allows(request, "summit-registration", target=email):
            form.add_error(None, THROTTLED_MESSAGE)
            status = 429
        else:
            try:
                registration_request(
                    summit=summit, participant=form.participant(), city=form.cleaned_data["city"]
                )
            except SummitError as error:
                form.add_error(None, error.message)
            else:
                return redirect("summits:register_sent", slug=summit.slug)
    return render(
        request,
        "summits/register.html",
        {"summit": summit, "form": form, "availability": availability},
        status=status,
    )


@require_http_methods(["GET"])
def register_sent(request, slug):
    """The same answer for every address: look in your mailbox."""
    summit = selectors.summit_get_public(slug=slug)
    return render(request, "summits/register_sent.html", {"summit": summit})


@require_http_methods(["GET", "POST"])
def register_delegation(request, slug):
    summit = selectors.summit_get_public(slug=slug)
    availability = selectors.registration_availability(summit=summit)
    if availability in ("closed", "full") and request.method == "GET":
        return _closed(request, summit, availability)
    form = DelegationForm(request.POST or None)
    formset = MemberFormSet(request.POST or None, prefix="members")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        if not throttle_allows(request, "summit-registration", target=data["head_email"]):
            form.add_error(None, THROTTLED_MESSAGE)
            return render(
                request,
                "summits/register_delegation.html",
                {"summit": summit, "form": form, "formset": formset,
                 "availability": availability},
                status=429,
            )  # fmt: skip
        try:
            delegation_register(
                summit=summit,
                city=data["city"],
                head_name=data["head_name"],
                head_email=data["head_email"],
                head_language=data["head_language"],
                members=formset.participants(),
            )
        except SummitError as error:
            form.add_error(None, error.message)
        else:
            return redirect("summits:register_sent", slug=summit.slug)
    return render(
        request,
        "summits/register_delegation.html",
        {"summit": summit, "form": form, "formset": formset, "availability": availability},
    )


def _members_added_messages(request, result) -> None:
    """Say exactly what became of each member of the batch."""
    messages.success(
        request,
        _("Members added: %(confirmed)d with a confirmed place, %(waiting)d on the waiting list.")
        % {"confirmed": len(result.confirmed), "waiting": len(result.waiting)},
    )
    if result.refused:
        messages.error(
            request,
            _("Not added, because the summit and its waiting list are full: %(names)s.")
            % {"names": ", ".join(p.name for p in result.refused)},
        )


def _delegation_for_token(token: str) -> Delegation | None:
    return (
        Delegation.objects.select_related("summit__host_city", "city").filter(token=token).first()
    )


def _member(delegation: Delegation, pk: int) -> Registration:
    member = (
        delegation.registrations.select_related("summit__host_city", "city")
        .exclude(status=Registration.Status.CANCELLED)
        .filter(pk=pk)
        .first()
    )
    if member is None:
        raise Http404(_("No such member in this delegation."))
    return member


@require_http_methods(["GET", "POST"])
def delegation_member(request, token, pk):
    """The head of delegation changes a member's details."""
    delegation = _delegation_for_token(token)
    if delegation is None:
        return _invalid_link(request)
    member = _member(delegation, pk)
    form = RegistrationChangeForm(request.POST or None, initial=_change_initial(member))
    if request.method == "POST" and form.is_valid():
        try:
            registration_update(registration=member, **form.cleaned_data)
        except SummitError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("summits:delegation_manage", token=token)
    return render(
        request,
        "summits/delegation_member.html",
        {"delegation": delegation, "summit": delegation.summit, "member": member, "form": form},
    )


@require_http_methods(["GET", "POST"])
def delegation_member_remove(request, token, pk):
    """The head of delegation removes a member, after confirming."""
    delegation = _delegation_for_token(token)
    if delegation is None:
        return _invalid_link(request)
    member = _member(delegation, pk)
    back = reverse("summits:delegation_manage", kwargs={"token": token})
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            registration_cancel(registration=member)
        except SummitError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s is no longer registered. We have sent them a mail.")
                % {"name": member.name},
            )
        return redirect(back)
    return render(
        request,
        "summits/confirm_cancel.html",
        {
            "summit": delegation.summit,
            "question": _("Remove %(name)s from the delegation?") % {"name": member.name},
            "explanation": _(
                "Their registration is cancelled and their place goes to the waiting list."
            ),
            "confirm_label": _("Yes, remove this member"),
            "back": back,
        },
    )


def _change_initial(registration: Registration) -> dict:
    return {
        "name": registration.name,
        "role": registration.role,
        "language": registration.language,
        "needs": registration.needs,
    }


@require_http_methods(["GET", "POST"])
def delegation_manage(request, token):
    delegation = _delegation_for_token(token)
    if delegation is None:
        return _invalid_link(request)
    summit = delegation.summit
    formset = MemberFormSet(request.POST or None, prefix="members")
    pending = delegation_is_pending(delegation)
    if request.method == "POST" and pending:
        messages.error(
            request, _("Please confirm the delegation first, through the link we mailed you.")
        )
    elif request.method == "POST" and not throttle_allows(request, "summit-registration"):
        messages.error(request, THROTTLED_MESSAGE)
    elif request.method == "POST" and formset.is_valid():
        try:
            result = delegation_add_members(delegation=delegation, members=formset.participants())
        except SummitError as error:
            messages.error(request, error.message)
        else:
            _members_added_messages(request, result)
            return redirect("summits:delegation_manage", token=token)
    members = sorted(
        delegation.registrations.all(),
        key=lambda r: (r.status, r.waiting_position or 0, sort_key(r.name, get_language())),
    )
    return render(
        request,
        "summits/delegation_manage.html",
        {
            "delegation": delegation,
            "summit": summit,
            "members": members,
            "formset": formset,
            "pending": pending,
            "expired": pending and delegation.confirm_by <= timezone.now(),
            "can_add": not pending
            and selectors.registration_availability(summit=summit) in ("open", "waiting_list"),
        },
    )


@require_http_methods(["POST"])
def delegation_confirm_view(request, token):
    """The head of delegation confirms (a button on the page the mailed link opens, so that a
    mail program that opens links to check them confirms nothing); the page then says what
    became of each member."""
    delegation = _delegation_for_token(token)
    if delegation is None:
        return _invalid_link(request)
    try:
        result = delegation_confirm(delegation=delegation)
    except SummitError as error:
        messages.error(request, error.message)
    else:
        if result.added or result.refused:
            messages.success(request, _("Thank you: the delegation is confirmed."))
            _members_added_messages(request, result)
    return redirect("summits:delegation_manage", token=token)


def _registration_for_token(token: str) -> Registration | None:
    return (
        Registration.objects.select_related("summit__host_city", "city", "delegation")
        .filter(manage_token=token)
        .first()
    )


@require_http_methods(["GET", "POST"])
def registration_manage(request, token):
    registration = _registration_for_token(token)
    if registration is None:
        return _invalid_link(request)
    form = RegistrationChangeForm(request.POST or None, initial=_change_initial(registration))
    if request.method == "POST" and form.is_valid():
        try:
            registration_update(registration=registration, **form.cleaned_data)
        except SummitError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
        return redirect(_manage_url(registration))
    return render(
        request,
        "summits/registration_manage.html",
        {"registration": registration, "summit": registration.summit, "form": form},
    )


@require_http_methods(["POST"])
def registration_confirm_view(request, token):
    """The owner of the address confirms (a button on the page the mailed link opens, so that
    a mail program that opens links to check them confirms nothing)."""
    registration = _registration_for_token(token)
    if registration is None:
        return _invalid_link(request)
    try:
        registration_confirm(registration=registration)
    except SummitError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: your registration is confirmed."))
    return redirect(_manage_url(registration))


@require_http_methods(["GET", "POST"])
def registration_cancel_view(request, token):
    """Cancel one's own registration, after confirming."""
    registration = _registration_for_token(token)
    if registration is None:
        return _invalid_link(request)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            registration_cancel(registration=registration)
        except SummitError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your registration is cancelled. We have sent you a mail."))
        return redirect(_manage_url(registration))
    return render(
        request,
        "summits/confirm_cancel.html",
        {
            "summit": registration.summit,
            "question": _("Do you really want to cancel your registration?"),
            "explanation": _(
                "Your place goes to the next person on the waiting list; you cannot get it back."
            ),
            "confirm_label": _("Yes, cancel my registration"),
            "back": _manage_url(registration),
        },
    )
