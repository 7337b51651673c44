"""The cohort award in the back-office: pick the cohort, see who is eligible and what the others
miss, award, then watch the PDFs being rendered and mailed."""

from django import forms
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ambassadors.certificates import services
from ambassadors.certificates.selectors import award_candidates, award_progress
from ambassadors.models import Cohort


class CohortForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=gettext_lazy("Cohort"), queryset=Cohort.objects.order_by("-year", "-starts_on")
    )


def redirect_change(certificate):
    return redirect(reverse("admin:ambassadors_certificate_change", args=[certificate.pk]))


def _context(modeladmin, request, **extra) -> dict:
    return {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        **extra,
    }


def award_page(modeladmin, request):
    """Three steps: pick people (nobody is ticked until staff tick them or choose "select
    all"), see "you are about to award N titles and send N mails", confirm."""
    if request.method == "POST":
        cohort = get_object_or_404(Cohort, pk=request.POST.get("cohort"))
        return _award(modeladmin, request, cohort)
    form = CohortForm(request.GET or None)
    cohort = form.cleaned_data["cohort"] if form.is_valid() else None
    candidates = award_candidates(cohort=cohort) if cohort else []
    return TemplateResponse(
        request,
        "ambassadors/certificates/admin/award.html",
        _context(
            modeladmin,
            request,
            title=_("Award the title to a cohort"),
            form=form,
            cohort=cohort,
            select_all=request.GET.get("select") == "all",
            eligible=[c for c in candidates if c.is_eligible],
            missing=[c for c in candidates if c.missing and c.certificate is None],
            holders=[c for c in candidates if c.certificate is not None],
        ),
    )


def _back(cohort: Cohort):
    return redirect(f"{reverse('admin:ambassadors_certificate_award')}?cohort={cohort.pk}")


def _award(modeladmin, request, cohort: Cohort):
    selected = set(request.POST.getlist("ambassador"))
    chosen = [
        c
        for c in award_candidates(cohort=cohort)
        if str(c.ambassador.pk) in selected and c.is_eligible
    ]
    if not chosen:
        modeladmin.message_user(request, _("Select at least one ambassador."), messages.ERROR)
        return _back(cohort)
    if "confirm" not in request.POST:
        return TemplateResponse(
            request,
            "ambassadors/certificates/admin/award_confirm.html",
            _context(
                modeladmin,
                request,
                title=_("Confirm the award"),
                cohort=cohort,
                chosen=chosen,
                count=len(chosen),
            ),
        )
    awarded, refused = [], []
    for candidate in chosen:
        try:
            services.certificate_award(ambassador=candidate.ambassador, by=request.user)
        except services.ProgrammeError as error:
            refused.append((candidate, str(error)))
        else:
            awarded.append(candidate.ambassador.user.get_full_name())
    for candidate, reason in refused:
        modeladmin.message_user(request, f"{candidate.ambassador}: {reason}", messages.ERROR)
    if awarded:
        modeladmin.message_user(
            request,
            ngettext(
                "Title awarded to %(names)s; the certificate is being rendered and mailed.",
                "Title awarded to %(count)d people (%(names)s); the certificates are being "
                "rendered and mailed.",
                len(awarded),
            )
            % {"count": len(awarded), "names": ", ".join(awarded)},
            messages.SUCCESS,
        )
    return redirect("admin:ambassadors_certificate_progress", cohort_pk=cohort.pk)


def progress_page(modeladmin, request, cohort_pk: int):
    cohort = get_object_or_404(Cohort, pk=cohort_pk)
    return TemplateResponse(
        request,
        "ambassadors/certificates/admin/progress.html",
        _context(
            modeladmin,
            request,
            title=_("Certificates of %(cohort)s") % {"cohort": cohort},
            cohort=cohort,
            progress=award_progress(cohort=cohort),
        ),
    )


def progress_json(request, cohort_pk: int):
    cohort = get_object_or_404(Cohort, pk=cohort_pk)
    return JsonResponse(award_progress(cohort=cohort).as_dict())
