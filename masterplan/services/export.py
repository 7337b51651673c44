"""The whole plan as a PDF in a chosen language, rendered by a task on the `pdf` queue."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from masterplan.models import Plan, PlanExport
from weltstadt.enqueue import enqueue_on_commit


def plan_export_request(*, plan: Plan, language: str) -> PlanExport:
    """One export per plan, language and day; the render task is enqueued once, on commit."""
    from masterplan.tasks import pdf_plan_export

    with transaction.atomic():
        export, created = PlanExport.objects.get_or_create(
            plan=plan, language=language, date=timezone.localdate()
        )
        if created or export.status == PlanExport.Status.FAILED:
            if not created:
                PlanExport.objects.filter(pk=export.pk).update(
                    status=PlanExport.Status.PENDING, error=""
                )
            enqueue_on_commit(pdf_plan_export, export.pk)
    return export


def plan_export_render(*, export_id: int) -> None:
    """Render the export if it is not ready yet (idempotent: a second run does nothing)."""
    from masterplan.progress import PROGRESS_RULE
    from masterplan.selectors import plan_report
    from weltstadt.pdf import pdf_render

    export = PlanExport.objects.select_related("plan").filter(pk=export_id).first()
    if export is None or export.status == PlanExport.Status.READY:
        return
    try:
        report = plan_report(plan=export.plan)
        pdf = pdf_render(
            "pdf/masterplan/plan.html",
            {"report": report, "plan": export.plan, "date": export.date, "rule": PROGRESS_RULE},
            language=export.language,
        )
    except Exception as exc:
        PlanExport.objects.filter(pk=export.pk).update(
            status=PlanExport.Status.FAILED, error=str(exc)[:2000]
        )
        raise
    name = f"masterplan-{export.plan_id}-{export.language}-{export.date:%Y%m%d}.pdf"
    export.file.save(name, ContentFile(pdf), save=False)
    PlanExport.objects.filter(pk=export.pk).update(
        file=export.file.name, status=PlanExport.Status.READY, error=""
    )
