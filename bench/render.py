#!/usr/bin/env python
"""Render cost of the public pages without the page cache, in one process (issue 12): where the
time of an uncached request goes, without gunicorn, wrk or the network in the way.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/weltstadt_web \
    REDIS_URL=redis://127.0.0.1:6379/2 \
    .venv/bin/python bench/render.py [--requests 200] [--reuse] [--profile "a summit"]

It runs the portal's WSGI application in production mode (DJANGO_DEBUG=0, PAGE_CACHE_SECONDS=0)
on the database DATABASE_URL's name + "_bench" (created afresh with the demo content unless
--reuse says it is there already), sends each page type of bench/web.py --requests times and
prints the median and p90 milliseconds per request and the queries of one request. With
--profile PAGE it prints the functions that took the time (cProfile, by own and by cumulative
time) for that page.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
from bench.bulletin import _bench_database, _credential_keys  # noqa: E402
from bench.web import PAGES  # noqa: E402


def _environ(path: str) -> dict:
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _get(application, path: str) -> tuple[str, bytes]:
    status = []
    body = b"".join(application(_environ(path), lambda s, h, e=None: status.append(s)))
    return status[0], body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="the _bench database is there")
    parser.add_argument("--profile", metavar="PAGE", help="one of: " + ", ".join(PAGES))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        raise SystemExit("set DATABASE_URL (PostgreSQL) and REDIS_URL")
    url = os.environ["DATABASE_URL"]
    database = url.rsplit("/", 1)[0] + "/" + url.rsplit("/", 1)[1] + "_bench"
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": os.environ["REDIS_URL"],
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_SECONDS": "0",
        "WELTSTADT_CREDENTIAL_KEYS": _credential_keys(),
        "STATIC_ROOT": str(BASE_DIR / "var" / "bench-render" / "static"),
    }
    if not args.reuse:
        database = _bench_database(url)
        setup = {**os.environ, **env, "DATABASE_URL": database, "DJANGO_DEBUG": "1"}
        print("migrating and loading the demo content…", flush=True)
        for command in (["migrate", "--noinput"], ["seed_demo"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=BASE_DIR, env=setup, check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
    os.environ.update(env)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=BASE_DIR,
        env=dict(os.environ), check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip

    from django.core.wsgi import get_wsgi_application

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weltstadt.settings")
    application = get_wsgi_application()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    paths = {}
    for page, where in PAGES.items():
        if isinstance(where, tuple):
            status, body = _get(application, where[0])
            where = re.search(where[1], body.decode())[1]
        paths[page] = where

    if args.profile:
        path = paths[args.profile]
        for _ in range(20):
            _get(application, path)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            _get(application, path)
        profile.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(45)
            print(out.getvalue())
        return 0

    print(f"{'page':<24}{'path':<34}{'bytes':>7}{'median':>8}{'p90':>7}{'queries':>8}")
    for page, path in paths.items():
        for _ in range(20):
            status, body = _get(application, path)
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}")
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            _get(application, path)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            _get(application, path)
        times.sort()
        print(
            f"{page:<24}{path[:33]:<34}{len(body):>7}{statistics.median(times):>8.2f}"
            f"{times[int(len(times) * 0.9)]:>7.2f}{len(queries):>8}"
        )
    print("(milliseconds per request in one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
