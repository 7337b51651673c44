#!/usr/bin/env python
"""Benchmark of the public pages (issue 12): the portal under gunicorn in production mode
(DJANGO_DEBUG=0) on PostgreSQL and Redis, with the page cache and without it, against a bare
Django app with as many middleware serving a constant page of the same size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/weltstadt_web \
    REDIS_URL=redis://127.0.0.1:6379/2 \
    .venv/bin/python bench/web.py --seconds 5 --rounds 3

It works on its own database (the DATABASE_URL name + "_bench", created afresh with the demo
content) and on the given Redis database, which it empties. It starts three servers on
127.0.0.1 (--port, --port+1, --port+2: cached portal, uncached portal, bare app), each with
--workers gunicorn workers, and runs wrk (-t2 -c--connections, --seconds each) against every page
type in turn, alternating the three servers, for --rounds rounds; it prints per page the medians
of requests/s, p50 and p99 and the ratios to the bare app measured in the same round, then the
resident memory of one portal worker, and exits 1 if a cached page misses the acceptance
(≥ 0.8 of the bare app's requests/s, p99 ≤ 50 ms).
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("WELTSTADT_VAR_DIR") or BASE_DIR / "var") / "bench-web"
sys.path.insert(0, str(BASE_DIR))
from bench.bulletin import _bench_database, _credential_keys  # noqa: E402  (the same fresh database)

PAGES = {
    "home": "/de/",
    "partner cities": "/de/partner-cities/",
    "an office": ("/de/offices/", r'href="(/de/offices/[\w-]+/)"'),
    "a summit": ("/de/summits/", r'href="(/de/summits/[\w-]+/)"'),
    "a bulletin issue": ("/de/bulletin/", r'href="(/de/bulletin/\d+/)"'),
    "master-plan dashboard": "/de/masterplan/dashboard/",
    "ambassadors start page": "/de/ambassadors/",
    "verification form": "/de/verify/",
}
WRK = shutil.which("wrk") or "/usr/bin/wrk"


def _env(args, database: str, cache_seconds: int) -> dict:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": args.secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "REDIS_URL": args.redis,
        "CELERY_BROKER_URL": args.redis,
        "WELTSTADT_VAR_DIR": str(VAR_DIR),
        "STATIC_ROOT": str(VAR_DIR / "static"),
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "WEB_CONCURRENCY": str(args.workers),
        "WELTSTADT_CREDENTIAL_KEYS": args.credential_keys,
    }


def _manage(env: dict, *command: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *command], cwd=BASE_DIR, env=env, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _start(env: dict, app: str, port: int, log: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        app,
        "-c", str(BASE_DIR / "deploy" / "gunicorn.conf.py"),
        "-b", f"127.0.0.1:{port}",
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _wait(url: str, process: subprocess.Popen) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the server for {url} stopped; see {VAR_DIR}")
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def _wrk(url: str, seconds: int, connections: int) -> tuple[float, float, float]:
    """Requests/s, p50 and p99 in ms; a run with non-2xx answers is refused, one with requests
    that took over 10 s (wrk's timeout) is reported."""
    out = subprocess.run(
        [WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout  # fmt: skip
    if "Non-2xx" in out:
        raise SystemExit(f"wrk reported errors for {url}:\n{out}")
    if "Socket errors" in out:
        print(f"  {url}: " + re.search(r"Socket errors:.*", out)[0], flush=True)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])

    def percentile(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rate, percentile("50"), percentile("99")


def _worker_rss_mib(master: int) -> float:
    """Resident memory of one gunicorn worker (the largest), in MiB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for child in children:
        status = Path(f"/proc/{child}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024)
    return max(sizes)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of one wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8120)
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", ""))
    parser.add_argument(
        "--reuse", action="store_true", help="the _bench database of an earlier run is there"
    )
    parser.add_argument(
        "--page", action="append", choices=PAGES, help="only this page type (repeatable)"
    )
    args = parser.parse_args()
    pages = {page: PAGES[page] for page in args.page or PAGES}
    if not os.environ.get("DATABASE_URL") or not args.redis:
        raise SystemExit("set DATABASE_URL (PostgreSQL) and REDIS_URL")
    args.secret = secrets.token_urlsafe(50)
    args.credential_keys = _credential_keys()
    VAR_DIR.mkdir(parents=True, exist_ok=True)

    url = os.environ["DATABASE_URL"]
    if args.reuse:
        database = url.rsplit("/", 1)[0] + "/" + url.rsplit("/", 1)[1] + "_bench"
    else:
        database = _bench_database(url)
        setup = _env(args, database, 300) | {"DJANGO_DEBUG": "1", "CELERY_BROKER_URL": ""}
        print("migrating and loading the demo content…", flush=True)
        _manage(setup, "migrate", "--noinput")
        _manage(setup, "seed_demo")
    _manage(_env(args, database, 300), "collectstatic", "--noinput", "--clear")
    import redis

    redis.Redis.from_url(args.redis).flushdb()

    from weltstadt.settings import MIDDLEWARE

    servers = {}
    try:
        servers["cached"] = _start(
            _env(args, database, 300), "weltstadt.wsgi", args.port, VAR_DIR / "cached.log"
        )
        servers["uncached"] = _start(
            _env(args, database, 0), "weltstadt.wsgi", args.port + 1, VAR_DIR / "uncached.log"
        )
        bare_env = {**_env(args, database, 0), "BARE_MIDDLEWARE": str(len(MIDDLEWARE))}
        servers["bare"] = _start(bare_env, "bench.bare_app", args.port + 2, VAR_DIR / "bare.log")
        base = {name: f"http://127.0.0.1:{args.port + i}" for i, name in enumerate(servers)}
        for name, process in servers.items():
            _wait(base[name] + ("/1" if name == "bare" else "/healthz"), process)

        paths, sizes = {}, {}
        for page, where in pages.items():
            if isinstance(where, tuple):
                status, body = _get(base["uncached"] + where[0])
                found = re.search(where[1], body.decode())
                if status != 200 or not found:
                    raise SystemExit(f"no link to {page} on {where[0]}")
                where = found[1]
            status, body = _get(base["uncached"] + where)
            if status != 200:
                raise SystemExit(f"{where} answered {status}")
            paths[page], sizes[page] = where, len(body)

        runs = {page: {"cached": [], "uncached": [], "bare": []} for page in pages}
        for round_ in range(args.rounds):
            print(f"round {round_ + 1} of {args.rounds}…", flush=True)
            for page in pages:
                urls = {
                    "bare": f"{base['bare']}/{sizes[page]}",
                    "cached": base["cached"] + paths[page],
                    "uncached": base["uncached"] + paths[page],
                }
                for _ in range(3):  # the page is in the cache before the cached run
                    _get(urls["cached"])
                for kind in ("bare", "cached", "uncached"):
                    runs[page][kind].append(_wrk(urls[kind], args.seconds, args.connections))
        rss = _worker_rss_mib(servers["cached"].pid)
        bare_rss = _worker_rss_mib(servers["bare"].pid)
    finally:
        for process in servers.values():
            _stop(process)

    print(
        f"\n{args.connections} connections, {args.workers} workers, {args.rounds} rounds of "
        f"{args.seconds} s; medians; ratio = requests/s ÷ the bare app's in the same round\n"
    )
    header = (
        f"{'page':<24}{'bytes':>7} │ {'cached':>7}{'p50':>7}{'p99':>7}{'ratio':>6} │ "
        f"{'uncached':>8}{'p50':>7}{'p99':>7}{'ratio':>6} │ {'bare':>6}{'p99':>7} │ ok"
    )
    print(header)
    print("─" * len(header))
    failures = 0
    for page in pages:
        one = runs[page]

        def median(kind: str, index: int, one=one) -> float:
            return statistics.median(run[index] for run in one[kind])

        def ratio(kind: str, one=one) -> float:
            return statistics.median(
                own[0] / bare[0] for own, bare in zip(one[kind], one["bare"], strict=True)
            )

        ok = ratio("cached") >= 0.8 and median("cached", 2) <= 50
        failures += not ok
        print(
            f"{page:<24}{sizes[page]:>7} │ {median('cached', 0):>7.0f}{median('cached', 1):>7.0f}"
            f"{median('cached', 2):>7.0f}{ratio('cached'):>6.2f} │ {median('uncached', 0):>8.0f}"
            f"{median('uncached', 1):>7.0f}{median('uncached', 2):>7.0f}{ratio('uncached'):>6.2f}"
            f" │ {median('bare', 0):>6.0f}{median('bare', 2):>7.0f} │ {'yes' if ok else 'NO'}"
        )
    print(f"\nresident memory of one worker: portal {rss:.0f} MiB, bare app {bare_rss:.0f} MiB")
    print("(p50/p99 in ms)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
