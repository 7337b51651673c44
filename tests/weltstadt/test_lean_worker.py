"""Issue 14: a mail worker process does not load what only PDFs need (WeasyPrint, its fonts and
fontTools, Pillow) or what only pages need (iCalendar): some 40 MiB in each of its processes."""

import json
import os
import subprocess
import sys

from django.conf import settings

HEAVY = ["weasyprint", "fontTools", "PIL", "icalendar"]

# what a worker process loads: the app with its tasks, then the URLconf (a bulletin's links)
SCRIPT = """
import json, sys
from weltstadt.celery import app
import django
django.setup()
app.loader.import_default_modules()
from django.urls import reverse
reverse("imprint")
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_a_mail_worker_process_loads_no_pdf_or_calendar_code():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "weltstadt.settings", "CELERY_BROKER_URL": ""}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "celery" in loaded  # the script did load the worker's modules
    assert "newsletter" in loaded
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_the_worker_skips_djangos_checks_that_import_every_view():
    import weltstadt.celery  # noqa: F401 (sets it)

    assert os.environ["CELERY_SKIP_CHECKS"] == "1"
