"""Issue 14: a mail worker's processes (main + 2 pool processes, forked from the main one after
its setup) stay small.

What a worker loads at its start is in each of its processes: not PDF code (WeasyPrint, its fonts
and fontTools, Pillow), calendars, nor what only pages need (the API, the open-data graphs), nor
Celery's command-line shell. A mail links into the site, so a pool process loads the URLconf
when it renders its first one; even then no PDF or calendar code."""

import json
import os
import subprocess
import sys

from django.conf import settings

# what the URLconf may load, the worker's start may not (the admin is discovered at every
# process's setup: leaving it to a pool process's first mail let a killed worker repeat more than
# the message in flight in the production check)
PAGES_ONLY = [
    "rosetta.views",
    "requests",
    "joserfc",
    "cryptography.hazmat",
    "segno",
    "rest_framework.views",
    "rest_framework.serializers",
    "drf_spectacular.openapi",
    "rdflib",
    "lxml",
]
# never, not even with the URLconf
HEAVY = ["weasyprint", "fontTools", "PIL", "icalendar", "prompt_toolkit", "click_repl", "pygments"]

# What `python -m weltstadt.worker` loads before its pool forks: the worker command, Django's
# setup (the app's fixup does it when the worker imports the tasks) and every app's tasks; then
# the URLconf, which a pool process loads for the links of its first mail.
SCRIPT = """
import json, sys
from weltstadt.worker import worker_command
worker_command()
import django
django.setup()
from weltstadt.celery import app
app.loader.import_default_modules()
def loaded():
    return sorted(name for name, module in sys.modules.items() if module is not None)
started = loaded()
from django.urls import reverse
reverse("imprint")
print(json.dumps({"started": started, "urls": loaded()}))
"""


def _run(script: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "weltstadt.settings", "CELERY_BROKER_URL": ""}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _found(loaded: set[str], names: list[str]) -> set[str]:
    return {name for name in names if any(m == name or m.startswith(f"{name}.") for m in loaded)}


def test_a_mail_worker_starts_without_page_pdf_or_calendar_code():
    loaded = _run(SCRIPT)
    started, urls = set(loaded["started"]), set(loaded["urls"])
    assert {"celery.worker", "newsletter.tasks", "weltstadt.outbox"} <= started  # it did load
    assert not _found(started, PAGES_ONLY + HEAVY), _found(started, PAGES_ONLY + HEAVY)
    # the URLconf then discovers the admin (a mail's link into the back-office must resolve)
    assert {"rest_framework.views"} <= _found(urls, PAGES_ONLY)
    assert not _found(urls, HEAVY), _found(urls, HEAVY)


def test_the_worker_skips_djangos_checks_that_import_every_view():
    import weltstadt.celery  # noqa: F401 (sets it)

    assert os.environ["CELERY_SKIP_CHECKS"] == "1"


def test_a_web_process_discovers_the_admin_at_setup():
    script = "import django, json, sys; django.setup(); print(json.dumps(sorted(sys.modules)))"
    assert "newsletter.admin" in set(_run(script))
