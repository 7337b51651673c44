"""The PDF export on a real Celery worker (the `pdf` queue), as in production."""

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from masterplan.models import PlanExport
from masterplan.services.export import plan_export_request
from tests.fixtures.worker import wait_until
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
    indicator_with,
)


@pytest.mark.worker
def test_pdf_is_rendered_by_the_worker_once(celery_worker_process):
    plan = PlanFactory(title="Worker plan", title_de="Worker plan")
    area = AreaFactory(plan=plan, title="Kultur und Tourismus", title_de="Kultur und Tourismus")
    objective = ObjectiveFactory(strategy=StrategyFactory(area=area))
    indicator_with(objective, baseline=0, targets={2024: 10}, measurements={2023: 4})
    adopt(plan)
    celery_worker_process.start()
    export = plan_export_request(plan=plan, language="de")
    again = plan_export_request(plan=plan, language="de")
    assert again.pk == export.pk
    wait_until(lambda: PlanExport.objects.get(pk=export.pk).status == PlanExport.Status.READY)
    export.refresh_from_db()
    # the worker wrote into the test's private folder (passed to it in its environment)
    content = (settings.PRIVATE_MEDIA_ROOT / export.file.name).read_bytes()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Kultur und Tourismus" in text
    assert "masterplan.tasks.pdf_plan_export" in celery_worker_process.log
