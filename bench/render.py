#!/usr/bin/env python
"""Benchmark of page rendering: each public page type rendered in-process, without any page cache.

Every public page type (home, partner cities, an office, a summit, a bulletin issue, the
ambassadors' start page, the master-plan dashboard, the verification form) is asked for N times
through Django's test client, the pages taking turns so that a change in the machine's load falls
on all of them alike, with the production settings (DJANGO_DEBUG=0: cached template loader,
no debug context). Prints per page the median and 90th percentile of the milliseconds from
request to response and the number of queries.

    .venv/bin/python bench/render.py --count 200 [--language tr] [--fresh]

It works on a SQLite database with the demo content under var/bench-render/ (WELTSTADT_VAR_DIR),
made by `migrate` and `seed_demo` the first time (or with --fresh). A full-page cache for
anonymous visitors, if one is installed, is bypassed: this measures what such a cache saves.
"""

import argparse
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

# (label, URL name, or the index page whose first link matching the pattern is the page)
PAGES = [
    ("home", "home", None),
    ("partner cities", "partners", None),
    ("an office", "offices:index", r"/{lang}/offices/(?!board/)[\w-]+/"),
    ("a summit", "summits:index", r"/{lang}/summits/[\w-]+/"),
    ("a bulletin issue", "newsletter:index", r"/{lang}/bulletin/\d+/"),
    ("ambassadors start", "ambassadors:index", None),
    ("master-plan dashboard", "masterplan:dashboard", None),
    ("verification form", "verify:form", None),
]


def _work_dir() -> Path:
    var = Path(os.environ.get("WELTSTADT_VAR_DIR") or BASE_DIR / "var")
    return var / "bench-render"


def _seed(work: Path, fresh: bool) -> Path:
    """The demo database: migrated on every run, loaded with the demo content once."""
    database = work / "db.sqlite3"
    work.mkdir(parents=True, exist_ok=True)
    seeded = database.exists() and not fresh
    if not seeded:
        for path in work.glob("db.sqlite3*"):
            path.unlink()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private"),
        "DJANGO_DEBUG": "1",  # seed_demo refuses to run in production mode
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    commands = [["migrate", "--noinput", "-v0"]]
    if not seeded:
        print("Loading the demo content into", database, "(once) …", flush=True)
        commands.append(["seed_demo"])
    for command in commands:
        subprocess.run(
            [sys.executable, str(BASE_DIR / "manage.py"), *command],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return database


def _environment(work: Path, database: Path) -> None:
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(work / "media"),
            "PRIVATE_MEDIA_ROOT": str(work / "private"),
            "STATIC_ROOT": str(work / "static"),
            "REDIS_URL": "",
            "CELERY_BROKER_URL": "memory://localhost/",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_SECURE_SSL_REDIRECT": "0",  # the test client speaks plain HTTP
            "DJANGO_SETTINGS_MODULE": "weltstadt.settings",
            "LOG_LEVEL": "WARNING",
        }
    )


def _urls(client, language: str) -> list[tuple[str, str]]:
    from django.urls import reverse
    from django.utils import translation

    found = []
    for label, name, link in PAGES:
        with translation.override(language):
            url = reverse(name)
        if link:
            html = client.get(url).content.decode()
            match = re.search(f'href="({link.format(lang=language)})"', html)
            if match is None:
                raise SystemExit(f"The demo content has no page for {label!r} on {url}.")
            url = match.group(1)
        found.append((label, url))
    return found


def _bypass_page_cache() -> None:
    """Without a full-page cache's middleware (Django's or ours, if installed), every request
    renders; caches of data (charts, catalogues) stay, as in production."""
    from django.conf import settings

    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if "PageCache" not in m and "middleware.cache." not in m
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="renders per page (default 200)")
    parser.add_argument("--language", default="de")
    parser.add_argument("--fresh", action="store_true", help="load the demo content anew")
    args = parser.parse_args()

    work = _work_dir()
    database = _seed(work, args.fresh)
    _environment(work, database)
    import django

    django.setup()
    from django.core.management import call_command

    # production's manifest of hashed static file names, as the image builds it
    call_command("collectstatic", interactive=False, verbosity=0)
    _bypass_page_cache()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    logging.disable(logging.INFO)  # no access log line per request
    client = Client()
    pages = _urls(client, args.language)
    timings: dict[str, list[float]] = {label: [] for label, _url in pages}
    queries: dict[str, int] = {}
    for _label, url in pages:  # warm up: templates compiled, catalogues and charts loaded
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    for _ in range(args.count):
        for label, url in pages:
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                timings[label].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            queries[label] = len(captured)

    print(
        f"Rendered in-process, DJANGO_DEBUG=0, SQLite demo content, language {args.language}, "
        f"{args.count} renders per page; Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    print(f"{'page':<24}{'median ms':>10}{'p90 ms':>9}{'queries':>9}  url")
    for label, url in pages:
        values = sorted(timings[label])
        p90 = values[int(len(values) * 0.9) - 1]
        print(f"{label:<24}{statistics.median(values):>10.1f}{p90:>9.1f}{queries[label]:>9}  {url}")


if __name__ == "__main__":
    main()
