"""The board area: a board member sees and acts for their own office only."""

from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from offices import forms, selectors, services
from offices.models import ActivityReport, AnnualReport, FundingRequest, Office, OfficeDocument
from offices.uploads import content_type_for
from weltstadt.private_storage import private_file_response


def _get_office_for_user(request, office_id: int) -> Office:
    """The office, if the user sits on its board now; 404 otherwise (nothing is revealed)."""
    office = selectors.board_offices_for_user(request.user).filter(pk=office_id).first()
    if office is None:
        raise Http404
    return office


def _error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


@login_required
@require_GET
def board_home(request):
    offices = list(selectors.board_offices_for_user(request.user))
    if len(offices) == 1:
        return redirect("offices:board_office", office_id=offices[0].pk)
    return render(request, "offices/board/home.html", {"offices": offices})


@login_required
@require_GET
def board_office(request, office_id: int):
    office = _get_office_for_user(request, office_id)
    context = selectors.office_board_area(office=office)
    return render(
        request,
        "offices/board/office.html",
        {
            "office": office,
            "can_request_funding": office.status in services.FUNDABLE,
            **context,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def board_document_upload(request, office_id: int):
    office = _get_office_for_user(request, office_id)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_upload(
                office=office,
                by=request.user,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The document has been uploaded."))
            return redirect("offices:board_office", office_id=office.pk)
    return render(request, "offices/board/document_form.html", {"office": office, "form": form})


@login_required
@require_GET
def board_document_download(request, office_id: int, document_id: int):
    office = _get_office_for_user(request, office_id)
    document = get_object_or_404(OfficeDocument, pk=document_id, office=office)
    return private_file_response(
        document.file,
        filename=document.original_name,
        content_type=content_type_for(document.original_name),
    )


def _line_pairs(lines) -> list[tuple]:
    return [
        (line["description"], line["amount"])
        for line in lines.cleaned_data
        if line.get("description")
    ]


@login_required
@require_http_methods(["GET", "POST"])
def board_request_new(request, office_id: int):
    office = _get_office_for_user(request, office_id)
    if office.status not in services.FUNDABLE:
        messages.error(request, _("Only offices being founded or active can request funding."))
        return redirect("offices:board_office", office_id=office.pk)
    form = forms.FundingRequestForm(request.POST or None)
    lines = forms.BudgetLineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            funding = services.funding_request_submit(
                office=office,
                by=request.user,
                year=form.cleaned_data["year"],
                purpose=form.cleaned_data["purpose"],
                currency=form.cleaned_data["currency"],
                lines=_line_pairs(lines),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your funding request has been submitted."))
            return redirect("offices:board_request", office_id=office.pk, request_id=funding.pk)
    return render(
        request, "offices/board/request_form.html", {"office": office, "form": form, "lines": lines}
    )


def _get_open_request(request, office: Office, request_id: int) -> FundingRequest | None:
    funding = get_object_or_404(FundingRequest, pk=request_id, office=office)
    if funding.is_open:
        return funding
    messages.error(request, _("This request has been decided or withdrawn: it cannot change."))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def board_request_edit(request, office_id: int, request_id: int):
    """Correct a request until the supervisor has decided on it."""
    office = _get_office_for_user(request, office_id)
    funding = _get_open_request(request, office, request_id)
    if funding is None:
        return redirect("offices:board_request", office_id=office.pk, request_id=request_id)
    initial = {"year": funding.year, "currency": funding.currency, "purpose": funding.purpose}
    form = forms.FundingRequestForm(request.POST or None, initial=initial)
    lines = forms.BudgetLineFormSet(
        request.POST or None,
        prefix="lines",
        initial=[
            {"description": b.description, "amount": b.amount} for b in funding.budget_lines.all()
        ],
    )
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            services.funding_request_update(
                request=funding,
                by=request.user,
                year=form.cleaned_data["year"],
                purpose=form.cleaned_data["purpose"],
                currency=form.cleaned_data["currency"],
                lines=_line_pairs(lines),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your funding request has been corrected."))
            return redirect("offices:board_request", office_id=office.pk, request_id=funding.pk)
    return render(
        request,
        "offices/board/request_form.html",
        {"office": office, "form": form, "lines": lines, "funding": funding},
    )


@login_required
@require_POST
def board_request_withdraw(request, office_id: int, request_id: int):
    office = _get_office_for_user(request, office_id)
    funding = _get_open_request(request, office, request_id)
    if funding is not None:
        try:
            services.funding_request_withdraw(request=funding, by=request.user)
        except ValidationError as error:
            for message in _error_messages(error):
                messages.error(request, message)
        else:
            messages.success(request, _("Your funding request has been withdrawn."))
    return redirect("offices:board_request", office_id=office.pk, request_id=request_id)


@login_required
@require_GET
def board_request(request, office_id: int, request_id: int):
    office = _get_office_for_user(request, office_id)
    funding = get_object_or_404(
        FundingRequest.objects.prefetch_related("budget_lines", "payments"),
        pk=request_id,
        office=office,
    )
    return render(
        request, "offices/board/request_detail.html", {"office": office, "funding": funding}
    )


@login_required
@require_http_methods(["GET", "POST"])
def board_annual_report(request, office_id: int):
    office = _get_office_for_user(request, office_id)
    form = forms.AnnualReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.annual_report_submit(
                office=office,
                by=request.user,
                year=data["year"],
                amount_spent=data["amount_spent"],
                currency=data["currency"],
                activity_summary=data["activity_summary"],
                financial_report=data.get("financial_report") or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your annual report has been submitted."))
            return redirect("offices:board_office", office_id=office.pk)
    return render(
        request, "offices/board/annual_report_form.html", {"office": office, "form": form}
    )


@login_required
@require_GET
def board_annual_report_file(request, office_id: int, report_id: int):
    office = _get_office_for_user(request, office_id)
    report = get_object_or_404(AnnualReport, pk=report_id, office=office)
    if not report.financial_report:
        raise Http404
    return private_file_response(
        report.financial_report,
        filename=f"report-{report.year}{PurePosixPath(report.financial_report.name).suffix}",
        content_type=content_type_for(report.financial_report.name),
    )


@login_required
@require_http_methods(["GET", "POST"])
def board_activity_new(request, office_id: int):
    office = _get_office_for_user(request, office_id)
    form = forms.ActivityReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_report_submit(office=office, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your activity report has been saved."))
            return redirect("offices:board_office", office_id=office.pk)
    return render(request, "offices/board/activity_form.html", {"office": office, "form": form})


@login_required
@require_GET
def board_activity_file(request, office_id: int, report_id: int):
    office = _get_office_for_user(request, office_id)
    report = get_object_or_404(ActivityReport, pk=report_id, office=office)
    return private_file_response(
        report.attachment,
        filename=report.attachment_name or None,
        content_type=content_type_for(report.attachment.name),
    )


@login_required
@require_POST
def board_activity_highlight(request, office_id: int, report_id: int):
    office = _get_office_for_user(request, office_id)
    report = get_object_or_404(ActivityReport, pk=report_id, office=office)
    publish = request.POST.get("publish") == "1"
    try:
        services.activity_highlight_publish(report=report, by=request.user, published=publish)
    except ValidationError as error:
        for message in _error_messages(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The highlight is now on the public page.")
            if publish
            else _("The highlight is no longer public."),
        )
    return redirect("offices:board_office", office_id=office.pk)
