#!/usr/bin/env python
"""Benchmark of a bulletin send: N subscribers in six languages, a real Celery worker with two
processes on Redis, delivery to a local aiosmtpd sink.

Prints, for each of --runs sends (a new issue each, a fresh worker each) and as medians, messages
per second, the ratio to a bare smtplib loop that sends the same messages over one connection to
the same sink right after the send (so both see the same load of a shared machine), and the
worker's resident memory per process (main process and each child), idle and at its peak.

    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 \
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/weltstadt_newsletter \
    .venv/bin/python bench/bulletin.py --subscribers 10000

The large run, for the memory of the worker (it stays flat: a worker holds one batch at a time):

    ... bench/bulletin.py --subscribers 100000 --runs 1

The bare loop sends at most the first 10,000 messages the sink received (a 100,000 run would
otherwise keep a gigabyte of messages in memory); its rate is per message all the same.

It works on its own database (the DATABASE_URL name + "_bench", or var/bench.sqlite3 without
DATABASE_URL), created afresh on every run, so it never mails the subscribers of a real database.
"""

import argparse
import contextlib
import os
import smtplib
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# its database and the worker's log go where the portal keeps its files (made if missing)
VAR_DIR = Path(os.environ.get("WELTSTADT_VAR_DIR") or BASE_DIR / "var")
sys.path.insert(0, str(BASE_DIR))
LANGUAGES = ["de", "tr", "en", "fr", "it", "es"]
BARE_MAX = 10_000  # messages the bare loop sends again
TEXT = (
    "<p>İzmir's delegation met the partner cities of the Aegean and the Rhine to agree on "
    "exchanges of students, trainees and municipal staff. The programme starts in spring.</p>"
    "<p>Der Hafen, die Messe und die Universitäten der Stadt stellen ihre Projekte vor; "
    "<strong>Bürgerinnen und Bürger</strong> sind eingeladen. "
    '<a href="https://www.izmir.bel.tr/">İzmir Büyükşehir Belediyesi</a>.</p>'
) * 4


def _credential_keys() -> str:
    """A throw-away signing key for the ambassadors' credentials (production requires one)."""
    import json

    from joserfc.jwk import ECKey

    key = ECKey.generate_key("P-256", private=True)
    return json.dumps({"keys": [{**key.as_dict(private=True), "kid": "bench"}]})


def _bench_database(url: str | None) -> str:
    """A fresh, empty database next to the configured one."""
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path = VAR_DIR / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import environ
    import psycopg

    config = environ.Env.db_url_config(url)
    name = f"{config['NAME']}_bench"
    admin = psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def _rss_kib(pid: int) -> list[int]:
    """Resident memory of a process and of each of its children (the prefork pool), in KiB:
    [main, child, child, ...]."""
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += sorted(int(child) for child in children)
    except OSError:
        pass
    sizes = []
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]))
        except OSError:
            pass
    return sizes


def _pss_kib(pid: int) -> int:
    """Proportional memory of the worker (main and children): a page the processes share after
    the fork counts once, not once per process as in RSS."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def _mib(sizes: list[int]) -> str:
    return " + ".join(f"{size / 1024:.0f}" for size in sizes) + f" = {sum(sizes) / 1024:.0f} MiB"


class PeakSampler(threading.Thread):
    """The highest total of the worker's processes during the send, with its split."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, [0], True

    def run(self) -> None:
        while self.running:
            sizes = _rss_kib(self.pid)
            if sum(sizes) > sum(self.peak):
                self.peak = sizes
            time.sleep(0.05)


def _issue(number: int):
    from django.utils import timezone

    from newsletter.models import Article, Issue

    complete = LANGUAGES[:-1]  # Spanish readers get the German edition, with a note
    issue = Issue.objects.create(
        number=number,
        date=timezone.localdate(),
        **{f"title_{code}": f"İzmir and Europe [{code}]" for code in complete},
        **{f"intro_{code}": f"Partner cities, summits, offices [{code}]" for code in complete},
    )
    for position in range(3):
        Article.objects.create(
            issue=issue,
            position=position,
            **{f"title_{code}": f"Article {position} [{code}]" for code in complete},
            **{f"body_{code}": TEXT for code in complete},
        )
    return issue


def _subscribers(count: int) -> None:
    from django.utils import timezone

    from newsletter.models import Subscriber

    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{n}@bench.example.org",
                language=LANGUAGES[n % len(LANGUAGES)],
                status=Subscriber.Status.CONFIRMED,
                confirmed_at=now,
                consent_at=now,
                consent_source=Subscriber.Source.IMPORT,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )


def _start_worker(env: dict, log_path: Path, concurrency: int) -> subprocess.Popen:
    command = [
        # as compose starts the mail worker (weltstadt.worker), here on the default queue too
        sys.executable, "-m", "weltstadt.worker", "-Q", "default,mail",
        "-c", str(concurrency), "--pool", "prefork", "-n", f"bench-{uuid.uuid4().hex[:6]}@%h",
        "-l", "warning", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    log = open(log_path, "w")  # noqa: SIM115 (open for the worker's lifetime)
    process = subprocess.Popen(
        command, env=env, cwd=BASE_DIR, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    # The worker logs at WARNING: readiness is when it answers a ping.
    from weltstadt.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"worker died:\n{log_path.read_text()[-3000:]}")
        if app.control.ping(timeout=0.5):
            return process
    raise SystemExit("worker not ready within 60 s")


def _bare_smtplib(messages: list[tuple[str, bytes]], port: int) -> float:
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for to, content in messages:
            smtp.sendmail("info@weltstadt-izmir.org", [to], content)
    return time.perf_counter() - started


def _run(number: int, args, broker: str) -> dict:
    """One send of a new issue to all subscribers, with a fresh worker; then the bare loop."""
    from newsletter.models import SendJob
    from newsletter.services.sending import issue_send
    from tests.newsletter.smtp_sink import SmtpSink
    from weltstadt.models import OutgoingMail

    issue = _issue(number)
    with SmtpSink(keep=True, keep_max=BARE_MAX) as sink:
        env = {
            **os.environ,
            "EMAIL_URL": sink.url,
            # the outbox journal lives in the cache: in production, Redis
            "REDIS_URL": broker,
            "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:6]}",
            # the worker runs as in production
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or uuid.uuid4().hex * 2,
            "WELTSTADT_CREDENTIAL_KEYS": os.environ.get("WELTSTADT_CREDENTIAL_KEYS")
            or _credential_keys(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        }
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        worker = _start_worker(env, VAR_DIR / "bench-worker.log", args.concurrency)
        try:
            time.sleep(2)  # the children finish starting
            idle_kib = _rss_kib(worker.pid)
            idle_pss = _pss_kib(worker.pid)
            sampler = PeakSampler(worker.pid)
            sampler.start()
            started = time.perf_counter()
            job = issue_send(issue=issue, by=None)
            while sink.messages < args.subscribers:
                if worker.poll() is not None:
                    raise SystemExit("the worker died during the send")
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
            busy_pss = _pss_kib(worker.pid)
            sampler.running = False
            sampler.join()
            time.sleep(0.5)
            job.refresh_from_db()
            sent_rows = OutgoingMail.objects.filter(
                idempotency_key__startswith=job.key_prefix, status=OutgoingMail.Status.SENT
            ).count()
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        received = sink.messages
        duplicates = sum(count - 1 for count in sink.recipients.values())
        messages = list(zip(sorted(sink.recipients), sink.contents, strict=False))
        sink.messages = 0
        bare = _bare_smtplib(messages, sink.port)

    rate = received / elapsed
    bare_rate = len(messages) / bare
    finished = "" if job.status == SendJob.Status.DONE else " (not finished)"
    print(f"run {number}: {received} messages in {elapsed:.1f} s ({duplicates} duplicates), "
          f"{sent_rows} rows sent, job {job.status}{finished}; "
          f"{rate:.0f}/s, bare smtplib {bare_rate:.0f}/s, ratio {rate / bare_rate:.2f}\n"
          f"       worker RSS (main + children) idle {_mib(idle_kib)}, "
          f"peak {_mib(sampler.peak)}; PSS idle {idle_pss / 1024:.0f} MiB, "
          f"after the send {busy_pss / 1024:.0f} MiB", flush=True)  # fmt: skip
    return {
        "rate": rate,
        "bare": bare_rate,
        "ratio": rate / bare_rate,
        "idle": sum(idle_kib) / 1024,
        "peak": sum(sampler.peak) / 1024,
        "idle_split": idle_kib,
        "peak_split": sampler.peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200, help="messages per outbox batch")
    parser.add_argument(
        "--runs", type=int, default=3, help="sends of a new issue each; medians are printed"
    )
    args = parser.parse_args()
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        raise SystemExit("The benchmark needs a Redis broker: set CELERY_BROKER_URL.")
    os.environ["DATABASE_URL"] = _bench_database(os.environ.get("DATABASE_URL"))
    os.environ["OUTBOX_BATCH_SIZE"] = str(args.batch)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weltstadt.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    from weltstadt.celery import app

    call_command("migrate", verbosity=0)
    _subscribers(args.subscribers)
    app.control.purge()
    print(f"database {os.environ['DATABASE_URL'].rsplit('/', 1)[-1]}, "
          f"{args.subscribers} subscribers, batches of {args.batch}, "
          f"{args.concurrency} worker processes, {args.runs} runs")  # fmt: skip
    runs = [_run(number, args, broker) for number in range(1, args.runs + 1)]

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    print(f"throughput       median {median('rate'):.0f} messages/s")
    print(f"worker memory    median idle {median('idle'):.0f} MiB, peak {median('peak'):.0f} MiB, "
          f"highest peak {max(run['peak'] for run in runs):.0f} MiB "
          f"(main process + {args.concurrency} children)")  # fmt: skip
    print(
        f"bare smtplib     median {median('bare'):.0f} messages/s over one connection "
        "(the same messages)"
    )
    ratios = ", ".join(f"{run['ratio']:.2f}" for run in runs)
    print(f"ratio            median {median('ratio'):.2f} of the bare loop (runs: {ratios})")


if __name__ == "__main__":
    main()
