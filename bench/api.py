#!/usr/bin/env python
"""Benchmark of the open-data API: requests per second and median latency of the partnerships
and indicators lists, in-process through the whole middleware stack (as gunicorn runs it).

    .venv/bin/python bench/api.py --rows 300 --requests 200

It works on a throwaway SQLite database under var/bench-api/, created afresh on every run, with
`--rows` partnerships and `--rows` indicators (each with two targets and three measurements) in
an adopted plan. Each endpoint is asked for full pages (50 rows, the default) and for a page its
ETag has not changed (304). Prints requests/s and the median per endpoint, and the ratios.
"""

import argparse
import logging
import os
import platform
import shutil
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def _environment(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
            "WELTSTADT_VAR_DIR": str(work),
            "REDIS_URL": "",
            "CELERY_BROKER_URL": "",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SETTINGS_MODULE": "weltstadt.settings",
            "API_THROTTLE_RATE": "100000000/min",
            "LOG_LEVEL": "WARNING",
        }
    )


def _data(rows: int) -> None:
    from masterplan.models import Indicator, Objective, Plan, PriorityArea, Strategy
    from masterplan.services.plan import plan_status_change
    from weltstadt.models import City, Partnership

    izmir = City.objects.create(name="İzmir", country="TR")
    partners = City.objects.bulk_create(
        [City(name=f"Stadt {n}", country="DE") for n in range(rows)]
    )
    Partnership.objects.bulk_create(
        [
            Partnership(
                city=izmir,
                partner=partner,
                kind="municipal",
                since_year=2000 + n % 25,
                source_url="https://example.org/source",
                note_de=f"Anmerkung {n}",
            )
            for n, partner in enumerate(partners)
        ]
    )
    plan = Plan.objects.create(title_de="Masterplan")
    area = PriorityArea.objects.create(
        plan=plan, code="A1", title_de="Bereich", priority_question="?"
    )
    strategy = Strategy.objects.create(area=area, code="S1", title_de="Strategie")
    objective = Objective.objects.create(strategy=strategy, code="O1", title_de="Ziel")
    for n in range(rows):
        indicator = Indicator.objects.create(
            objective=objective,
            name_de=f"Indikator {n}",
            unit_de="n",
            baseline_year=2019,
            baseline_value=Decimal(n),
        )
        indicator.targets.create(year=2022, value=Decimal(n + 5))
        indicator.targets.create(year=2024, value=Decimal(n + 10))
        for year in (2020, 2021, 2022):
            indicator.measurements.create(year=year, value=Decimal(n + year - 2019), source="TÜİK")
    plan_status_change(plan=plan, to=Plan.Status.CONSULTATION, by=None, summary="c")
    plan_status_change(plan=plan, to=Plan.Status.ADOPTED, by=None, summary="a")


def _measure(client, url: str, count: int, headers: dict | None = None) -> tuple[float, float]:
    """(requests per second, median seconds) of `count` GETs of `url`."""
    times = []
    started = time.perf_counter()
    for _ in range(count):
        begin = time.perf_counter()
        response = client.get(url, headers=headers or {})
        times.append(time.perf_counter() - begin)
        assert response.status_code in (200, 304), (url, response.status_code)
    total = time.perf_counter() - started
    return count / total, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    _environment(BASE_DIR / "var" / "bench-api")
    import django

    django.setup()
    # one access-log line per request would be most of the work measured
    logging.getLogger("weltstadt.access").setLevel(logging.WARNING)
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    _data(args.rows)
    client = Client(HTTP_HOST="127.0.0.1", REMOTE_ADDR="127.0.0.1")
    print(f"python {platform.python_version()}, {args.rows} rows each, {args.requests} requests")
    results = {}
    for name in ("partnerships", "indicators"):
        url = f"/api/v1/{name}/?lang=tr"
        first = client.get(url)
        assert first.status_code == 200
        full = _measure(client, url, args.requests)
        cached = _measure(client, url, args.requests, {"if-none-match": first["ETag"]})
        results[name] = (full, cached)
        print(
            f"{name:13} 200: {full[0]:7.1f} req/s, median {full[1] * 1000:6.2f} ms | "
            f"304: {cached[0]:7.1f} req/s, median {cached[1] * 1000:6.2f} ms"
        )
    ratio = results["indicators"][0][1] / results["partnerships"][0][1]
    print(f"median indicators / partnerships (200): {ratio:.2f}")
    for name, (full, cached) in results.items():
        print(f"{name}: median 304 / 200: {cached[1] / full[1]:.2f}")


if __name__ == "__main__":
    main()
