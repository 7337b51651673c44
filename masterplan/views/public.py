"""The public pages of the adopted plan: structure, dashboard, investments, local data, PDF."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from masterplan.linkables import is_linkable, item_is_public
from masterplan.models import InvestmentTarget, LocalDataset, LocalDataValue, Plan, PlanExport
from masterplan.progress import PROGRESS_RULE
from masterplan.selectors import (
    investment_totals,
    objective_detail,
    plan_adopted_current,
    plan_report,
)
from masterplan.services.amendments import plan_changes
from masterplan.services.export import plan_export_request
from weltstadt.exports import csv_response
from weltstadt.fragment_cache import deferred, kept


def _adopted_or_404() -> Plan:
    plan = plan_adopted_current()
    if plan is None:
        raise Http404(_("No master plan has been adopted yet."))
    return plan


@require_GET
def index(request):
    plan = plan_adopted_current()
    if plan is None:
        upcoming = Plan.objects.order_by("-period_start").first()
        return render(request, "masterplan/index_pending.html", {"upcoming": upcoming})
    return _plan_page(request, plan, current=plan)


def _plan_page(request, plan: Plan, *, current: Plan):
    report = plan_report(plan=plan, charts=False)
    return render(
        request,
        "masterplan/index.html",
        {
            "plan": plan,
            "current": current,
            "archived": plan.pk != current.pk,
            "others": Plan.objects.filter(status=Plan.Status.ADOPTED).exclude(pk=plan.pk),
            "report": report,
            "rule": PROGRESS_RULE,
            "versions": plan.versions.all(),
            "workshops": plan.workshops.all(),
            "languages": settings.LANGUAGES,
        },
    )


@require_GET
def plan_archive(request, pk: int):
    """Any adopted plan, also one a newer plan has replaced: its own page stays readable."""
    plan = get_object_or_404(Plan, pk=pk, status=Plan.Status.ADOPTED)
    return _plan_page(request, plan, current=plan_adopted_current())


@require_GET
def plan_changes_page(request, pk: int):
    """What changed in an adopted plan since its adoption, with the text or figure before and
    after, as Decidim shows its results' versions."""
    plan = get_object_or_404(Plan, pk=pk, status=Plan.Status.ADOPTED)
    changes = plan_changes(plan=plan, language=get_language())
    return render(request, "masterplan/changes.html", {"plan": plan, "changes": changes})


@require_GET
def dashboard(request):
    plan = kept("masterplan-plan-adopted", [], _adopted_or_404)
    # lazy: the page's figures are kept (weltstadt.fragment_cache) and computed once per change
    report = deferred(lambda: plan_report(plan=plan))
    return render(
        request,
        "masterplan/dashboard.html",
        {"plan": plan, "report": report, "rule": PROGRESS_RULE},
    )


@require_GET
def dashboard_csv(request):
    """Every figure of the plan for a spreadsheet, through the one CSV helper (reader's
    delimiter and decimal mark, translated headers and kinds, formula cells neutralised)."""
    plan = _adopted_or_404()
    report = plan_report(plan=plan, charts=False)
    header = [
        _("Priority area"),
        pgettext("indicator figures export", "Objective"),
        _("Indicator"),
        _("Unit"),
        _("Direction"),
        _("Kind"),
        _("Year"),
        _("Value"),
        _("Source"),
    ]
    kinds = {"baseline": _("Baseline"), "target": _("Target"), "measurement": _("Measured")}
    rows = []
    for indicator in report.indicators:
        base = [
            indicator.area_ref.code,
            indicator.objective_ref.code,
            indicator.name,
            indicator.unit,
            indicator.get_direction_display(),
        ]
        rows.append(
            [*base, kinds["baseline"], indicator.baseline_year, indicator.baseline_value, ""]
        )
        for target in indicator.target_list:
            rows.append([*base, kinds["target"], target.year, target.value, ""])
        for measurement in indicator.measurement_list:
            rows.append(
                [
                    *base,
                    kinds["measurement"],
                    measurement.year,
                    measurement.value,
                    measurement.source,
                ]
            )
    return csv_response(request, "masterplan-indicators", header, rows)


def _link(link) -> dict:
    item = link.item
    model = link.content_type.model_class()
    return {
        "label": str(item) if item is not None else _("(removed)"),
        "kind": model._meta.verbose_name if model else link.content_type.model,
        "url": item.get_absolute_url()
        if item is not None and hasattr(item, "get_absolute_url")
        else "",
        "note": link.note,
        # only an item of an allowed kind that its kind calls public; anything else is private
        "public": item_is_public(link.content_type, item),
        "linkable": is_linkable(link.content_type),
    }


@require_GET
def objective(request, pk: int):
    adopted_only = not request.user.has_perm("masterplan.view_objective")
    item = objective_detail(pk=pk, adopted_only=adopted_only)
    if item is None:
        raise Http404(_("No such objective in the adopted plan."))
    links = [_link(link) for link in item.links.all()]
    if adopted_only:
        # An item that is not public where it lives (an unpublished office report, a draft
        # summit's action) or of a kind that may not be linked is not shown to the public.
        links = [link for link in links if link["public"]]
    else:
        links = [link for link in links if link["linkable"]]
    return render(
        request,
        "masterplan/objective.html",
        {"objective": item, "links": links, "rule": PROGRESS_RULE},
    )


@require_GET
def investments(request):
    plan = _adopted_or_404()
    queryset = plan.investment_targets.prefetch_related("target_cities")
    sector = request.GET.get("sector", "")
    status = request.GET.get("status", "")
    if sector in InvestmentTarget.Sector.values:
        queryset = queryset.filter(sector=sector)
    if status in InvestmentTarget.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "masterplan/investments.html",
        {
            "plan": plan,
            "page": page,
            "totals": investment_totals(queryset),
            "sectors": InvestmentTarget.Sector.choices,
            "statuses": InvestmentTarget.Status.choices,
            "sector": sector,
            "status": status,
        },
    )


@require_GET
def local_data(request):
    datasets = LocalDataset.objects.prefetch_related(
        Prefetch("values", queryset=LocalDataValue.objects.order_by("year"))
    )
    page = Paginator(datasets, 20).get_page(request.GET.get("page"))
    return render(request, "masterplan/local_data.html", {"page": page})


@require_POST
def pdf_request(request):
    plan = _adopted_or_404()
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("Please choose one of the languages offered."))
        return redirect("masterplan:index")
    export = plan_export_request(plan=plan, language=language)
    return redirect("masterplan:pdf_export", pk=export.pk)


@require_GET
def pdf_export(request, pk: int):
    export = get_object_or_404(
        PlanExport.objects.select_related("plan"), pk=pk, plan__status=Plan.Status.ADOPTED
    )
    if export.status == PlanExport.Status.READY and request.GET.get("download"):
        filename = (
            f"masterplan-{export.plan.period_start}-{export.plan.period_end}-{export.language}.pdf"
        )
        return FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    return render(request, "masterplan/pdf_export.html", {"export": export})
