#!/usr/bin/env python
"""Benchmark of certificate rendering: N certificates through the real task code, in-process.

Each certificate goes through the Celery task `pdf_certificate_render` (called in this process,
as the worker calls it): it loads the certificate, renders the PDF/A, stores the file and writes
the outbox row of the mail. Then WeasyPrint alone renders the same HTML of each certificate, with
the same options (PDF/A variant, base URL of the project's static files, so the same fonts).
Prints the median time per certificate of both and their ratio.

    .venv/bin/python bench/certificates.py --count 200

It works on a throwaway SQLite database and private folder under var/bench-certificates/,
created afresh on every run; the mail delivery the task hands on goes to an in-memory broker,
so nobody is mailed.
"""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
LANGUAGES = ["de", "tr", "en", "fr", "it", "es"]
FRESH_SAMPLE = 10
NAMES = [
    "Çağrı Işıl Öztürk",
    "Jonas Weiß",
    "Gülşen Ağaoğlu",
    "Élodie Brière",
    "Şükrü İnönü",
    "María José Núñez",
]


def _credential_keys() -> str:
    """A throw-away signing key for the ambassadors' credentials (production requires one)."""
    import json

    from joserfc.jwk import ECKey

    key = ECKey.generate_key("P-256", private=True)
    return json.dumps({"keys": [{**key.as_dict(private=True), "kid": "bench"}]})


def _environment(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
            "MEDIA_ROOT": str(work / "media"),
            "PRIVATE_MEDIA_ROOT": str(work / "private"),
            # the task hands the mail to the broker as it would to Redis; nothing consumes it
            "CELERY_BROKER_URL": "memory://localhost/",
            "REDIS_URL": "",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + "x" * 50,
            "WELTSTADT_CREDENTIAL_KEYS": os.environ.get("WELTSTADT_CREDENTIAL_KEYS")
            or _credential_keys(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SETTINGS_MODULE": "weltstadt.settings",
            "LOG_LEVEL": "WARNING",
        }
    )


def _signature_png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 80), "white")
    ImageDraw.Draw(image).line([(10, 60), (80, 15), (140, 55), (220, 20), (290, 50)], "navy", 4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _seed(count: int) -> list[int]:
    """A cohort of `count` graduates in six languages, awarded: certificates not yet rendered."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from ambassadors.certificates.services import certificate_award
    from ambassadors.models import Ambassador, Cohort, MissionStatement, Module, ModuleCompletion
    from weltstadt.models import User

    today = timezone.localdate()
    statement = MissionStatement.objects.create(
        year=today.year,
        title=f"Mission statement {today.year}",
        goals="Bring one investor to İzmir.\nPresent İzmir at one event.",
        signatory_name="Cemil Tugay",
        signatory_title="Mayor of İzmir",
        handover_date=today,
    )
    statement.signature.save("signature.png", ContentFile(_signature_png()))
    cohort = Cohort.objects.create(
        year=today.year,
        title=f"Cohort {today.year}",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=today,
        application_deadline=today,
    )
    module = Module.objects.create(
        cohort=cohort, kind=Module.Kind.TRAINING, title="City diplomacy", provider="İZTO", order=1
    )
    coordinator = User.objects.create(email="coordinator@bench.example.org", name="Coordinator")
    users = User.objects.bulk_create(
        User(
            email=f"ambassador{n}@bench.example.org",
            name=f"{NAMES[n % len(NAMES)]} {n}",
            preferred_language=LANGUAGES[n % len(LANGUAGES)],
        )
        for n in range(count)
    )
    ambassadors = Ambassador.objects.bulk_create(
        Ambassador(user=user, cohort=cohort, country="DE", city="Hamburg", field="business")
        for user in users
    )
    ModuleCompletion.objects.bulk_create(
        ModuleCompletion(ambassador=a, module=module, completed_on=today) for a in ambassadors
    )
    return [certificate_award(ambassador=a, by=coordinator).pk for a in ambassadors]


def _median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="certificates to render")
    args = parser.parse_args()
    if args.count < 1:
        raise SystemExit("--count must be at least 1")
    work = Path(os.environ.get("WELTSTADT_VAR_DIR") or BASE_DIR / "var") / "bench-certificates"
    _environment(work)
    import django

    django.setup()
    from django.core.management import call_command
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from ambassadors.certificates import documents
    from ambassadors.certificates.models import Certificate, CertificateFile
    from ambassadors.certificates.tasks import pdf_certificate_render
    from weltstadt.models import OutgoingMail
    from weltstadt.pdf import STATIC_DIR

    call_command("migrate", verbosity=0)
    ids = _seed(args.count)
    print(f"{args.count} certificates in {len(LANGUAGES)} languages, PDF variant "
          f"{documents.PDF_VARIANT}, on {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} CPUs")  # fmt: skip

    # Interleaved, and in turns which goes first, so that a change of load on a shared machine
    # and warm caches favour neither: the task, and WeasyPrint alone on the same HTML with one
    # font configuration for all documents (the fastest way WeasyPrint renders many documents).
    certificates = Certificate.objects.select_related("ambassador__user", "mission_statement")
    base_url = STATIC_DIR.as_uri() + "/"
    fonts = FontConfiguration()
    task_times, bare_times, pages = [], [], []

    def task(pk: int) -> None:
        started = time.perf_counter()
        pdf_certificate_render(pk)
        task_times.append(time.perf_counter() - started)

    def bare(html: str) -> None:
        started = time.perf_counter()
        HTML(string=html, base_url=base_url).write_pdf(
            pdf_variant=documents.PDF_VARIANT, font_config=fonts
        )
        bare_times.append(time.perf_counter() - started)

    for n, pk in enumerate(ids):
        if n % 2:
            pages.append(documents.certificate_html(certificates.get(pk=pk)))
            bare(pages[-1])
            task(pk)
        else:
            task(pk)
            pages.append(documents.certificate_html(certificates.get(pk=pk)))
            bare(pages[-1])
    rendered = CertificateFile.objects.count()
    mails = OutgoingMail.objects.count()
    if rendered != args.count or mails != args.count:
        raise SystemExit(f"expected {args.count} PDFs and mails, got {rendered} and {mails}")
    # for scale: WeasyPrint's default, the fonts loaded anew for each document
    fresh_times = []
    for html in pages[:FRESH_SAMPLE]:
        started = time.perf_counter()
        HTML(string=html, base_url=base_url).write_pdf(pdf_variant=documents.PDF_VARIANT)
        fresh_times.append(time.perf_counter() - started)

    task, bare = _median_ms(task_times), _median_ms(bare_times)
    print(f"task             median {task:.0f} ms per certificate "
          f"(first {task_times[0] * 1000:.0f} ms, total {sum(task_times):.1f} s)")  # fmt: skip
    print(f"bare WeasyPrint  median {bare:.0f} ms per certificate "
          f"(first {bare_times[0] * 1000:.0f} ms, total {sum(bare_times):.1f} s)")  # fmt: skip
    print(f"ratio            {task / bare:.2f} (task / bare WeasyPrint)")
    print(f"bare, fonts per document  median {_median_ms(fresh_times):.0f} ms "
          f"(first {len(fresh_times)} certificates)")  # fmt: skip


if __name__ == "__main__":
    main()
