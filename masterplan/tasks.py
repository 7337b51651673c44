from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pdf_plan_export(export_id: int) -> None:
    from masterplan.services.export import plan_export_render

    plan_export_render(export_id=export_id)
