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
    form = CohortForm(request.GET or None)
    cohort = form.cleaned_data["cohort"] if form.is_valid() else None
    if request.method == "POST":
        cohort = get_object_or_404(Cohort, pk=request.POST.get("cohort"))
        return _award(modeladmin, request, cohort)
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
            eligible=[c for c in candidates if c.is_eligible],
            missing=[c for c in candidates if c.missing and c.certificate is None],
            holders=[c for c in candidates if c.certificate is not None],
        ),
    )


def _award(modeladmin, request, cohort: Cohort):
    selected = set(request.POST.getlist("ambassador"))
    if "all" in request.POST:
        result = services.certificates_award_cohort(cohort=cohort, by=request.user)
        awarded, refused = len(result.awarded), result.refused
    else:
        if not selected:
            modeladmin.message_user(request, _("Select at least one ambassador."), messages.ERROR)
            return redirect(f"{reverse('admin:ambassadors_certificate_award')}?cohort={cohort.pk}")
        awarded, refused = 0, []
        for candidate in award_candidates(cohort=cohort):
            if str(candidate.ambassador.pk) not in selected:
                continue
            try:
                services.certificate_award(ambassador=candidate.ambassador, by=request.user)
            except services.ProgrammeError as error:
                refused.append((candidate, str(error)))
            else:
                awarded += 1
    for candidate, reason in refused:
        modeladmin.message_user(request, f"{candidate.ambassador}: {reason}", messages.ERROR)
    modeladmin.message_user(
        request,
        ngettext("%(count)d ambassador awarded.", "%(count)d ambassadors awarded.", awarded)
        % {"count": awarded},
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
