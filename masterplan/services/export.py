"""The whole plan as a PDF in a chosen language, rendered by a task on the `pdf` queue."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from masterplan.models import (
    Indicator,
    IndicatorTarget,
    InvestmentTarget,
    Measurement,
    Objective,
    Plan,
    PlanExport,
    PriorityArea,
    Strategy,
)


def plan_data_version(plan: Plan) -> str:
    """A fingerprint of everything the plan's PDF shows: it changes with any figure or text.

    Every save of a plan part writes a history row (masterplan.translation registers them), so
    the count and the newest history id of each part, with versions, ballots and local data,
    change whenever the data does.
    """
    from masterplan.models import BallotRank, LocalDataset, LocalDataValue, PlanVersion

    parts = [
        (Plan.history.filter(id=plan.pk)),
        (PriorityArea.history.filter(plan_id=plan.pk)),
        (Strategy.history.filter(area__plan=plan.pk)),
        (Objective.history.filter(strategy__area__plan=plan.pk)),
        (Indicator.history.filter(objective__strategy__area__plan=plan.pk)),
        (IndicatorTarget.history.filter(indicator__objective__strategy__area__plan=plan.pk)),
        (Measurement.history.filter(indicator__objective__strategy__area__plan=plan.pk)),
        (InvestmentTarget.history.filter(plan_id=plan.pk)),
        (LocalDataset.history.all()),
        (LocalDataValue.history.all()),
    ]
    figures = [query.aggregate(n=Count("history_id"), last=Max("history_id")) for query in parts]
    figures.append(PlanVersion.objects.filter(plan=plan).aggregate(n=Count("id"), last=Max("id")))
    figures.append(
        BallotRank.objects.filter(participant__workshop__plan=plan).aggregate(
            n=Count("id"), last=Max("id")
        )
    )
    text = f"{plan.pk}|{plan.status}|" + "|".join(f"{f['n']}:{f['last']}" for f in figures)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def plan_export_request(*, plan: Plan, language: str) -> PlanExport:
    """One export per plan, language, day and data version; the render task is enqueued once,
    on commit. After any change of the data the next request renders a new PDF."""
    from masterplan.tasks import pdf_plan_export

    with transaction.atomic():
        export, created = PlanExport.objects.get_or_create(
            plan=plan,
            language=language,
            date=timezone.localdate(),
            data_version=plan_data_version(plan),
        )
        if created or export.status == PlanExport.Status.FAILED:
            if not created:
                PlanExport.objects.filter(pk=export.pk).update(
                    status=PlanExport.Status.PENDING, error=""
                )
            transaction.on_commit(lambda: pdf_plan_export.delay(export.pk))
    return export


def plan_export_render(*, export_id: int) -> None:
    """Render the export if it is not ready yet (idempotent: a second run does nothing)."""
    from masterplan.progress import PROGRESS_RULE
    from masterplan.selectors import plan_pdf_parts, plan_report
    from weltstadt.pdf import pdf_render

    export = PlanExport.objects.select_related("plan").filter(pk=export_id).first()
    if export is None or export.status == PlanExport.Status.READY:
        return
    try:
        report = plan_report(plan=export.plan)
        pdf = pdf_render(
            "pdf/masterplan/plan.html",
            {
                "report": report,
                "plan": export.plan,
                "date": export.date,
                "rule": PROGRESS_RULE,
                **plan_pdf_parts(plan=export.plan),
            },
            language=export.language,
        )
    except Exception as exc:
        PlanExport.objects.filter(pk=export.pk).update(
            status=PlanExport.Status.FAILED, error=str(exc)[:2000]
        )
        raise
    name = (
        f"masterplan-{export.plan_id}-{export.language}-{export.date:%Y%m%d}-"
        f"{export.data_version[:8]}.pdf"
    )
    export.file.save(name, ContentFile(pdf), save=False)
    PlanExport.objects.filter(pk=export.pk).update(
        file=export.file.name, status=PlanExport.Status.READY, error=""
    )
