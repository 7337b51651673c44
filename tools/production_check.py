#!/usr/bin/env python
"""The production processes, run by hand as the compose stack runs them, checked end to end.

Starts on PostgreSQL and Redis: two gunicorn web processes (`a`, `b`) and a third whose broker is
unreachable (`nobroker`), two Celery workers, beat, an S3-API server (moto) for shared media, and
an SMTP sink; all with DJANGO_DEBUG=0 and JSON logs. Then checks, and exits non-zero on the first
failed one (each prints a line):

- /healthz is 200 on both web processes;
- a bulletin scheduled a few seconds ahead is sent by beat, split across both workers, each mail
  once; an award of 30 certificates renders 30 PDFs and sends 30 mails;
- a member's photo uploaded through `a` is served through `b` (and from the bucket), and the
  public /media/ path answers it;
- five wrong passwords spread over `a` and `b` lock the account on both (rate limits are shared);
- with the broker unreachable, subscribing answers the normal page; the sweep sends the mail;
- chaos (random, seeded: the seed is printed, PRODCHECK_SEED replays it): workers chosen at
  random are killed with SIGKILL at three random points of a 2,000-mail send (one kill, at
  random, of the main process alone, the others of the whole process group, as a container
  kill): nobody is missed, at most one duplicate per kill, no row is "sending" for more than two
  minutes, and the progress never says done before every reader has the mail; then three more
  random kills while a cohort of 40 certificates renders: 40 certificates, each rendered once,
  every holder mailed, at most one duplicate mail per kill;
- PostgreSQL goes away three times under load (every connection cut, new ones refused for 3 s,
  as in a restart): pages and /healthz say 503 meanwhile, never 500; afterwards both web
  processes answer 200 with the same gunicorn workers, a worker sends mail and beat ticks, none
  of them restarted;
- every line every process wrote parses as JSON, web lines carry a request id (the one the proxy
  sent, also in the worker's lines of the task it enqueued), and none holds a bearer token or a
  recipient's address.

Timings are shortened for the check (beat ticks every 5 s, a claim is stale after 15 s); the
guarantees are the same as with the production defaults.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/weltstadt_prodcheck \\
    REDIS_URL=redis://127.0.0.1:6379 .venv/bin/python tools/production_check.py
"""

import argparse
import contextlib
import http.cookiejar
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
BIN = Path(PYTHON).parent


STARTED = time.monotonic()
PASSED = []  # the message of every check that held


class CheckFailed(Exception):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise CheckFailed(message)
    PASSED.append(message)
    print(f"ok   {time.monotonic() - STARTED:5.0f}s {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, *, timeout: float, what: str, interval: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise CheckFailed(f"timed out after {timeout:.0f} s waiting for: {what}")


class Processes:
    """The stack's processes, each logging to its own files under `log_dir`."""

    def __init__(self, env: dict, log_dir: Path):
        self.env = env
        self.log_dir = log_dir
        self.running: dict[str, subprocess.Popen] = {}
        self.orphans: list[int] = []
        self.starts: dict[str, int] = {}

    def start(self, name: str, command: list[str], extra_env: dict | None = None):
        n = self.starts[name] = self.starts.get(name, 0) + 1
        out = open(self.log_dir / f"{name}-{n}.out", "w")  # noqa: SIM115 (kept by the child)
        err = open(self.log_dir / f"{name}-{n}.err", "w")  # noqa: SIM115
        self.running[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        return self.running[name]

    def kill(self, name: str, *, main_only: bool = False) -> None:
        """SIGKILL the main process and its children at once (a container kill), or with
        `main_only` the main process alone (its pool children are orphaned; they are
        SIGKILLed in `stop_all`)."""
        process = self.running[name]
        if main_only:
            process.kill()
            self.orphans.append(process.pid)  # the process group keeps the main's id
        else:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        # SIGTERM to each main process only, as `docker stop` does: it stops its own children
        # (a SIGTERM to the whole group made Celery's pool report its children in plain text)
        for process in self.running.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        for group in self.orphans:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)

    def log_files(self) -> list[Path]:
        return sorted(self.log_dir.glob("*.out")) + sorted(self.log_dir.glob("*.err"))


class Browser:
    """A client that talks to a web process as Caddy does: https claimed by the proxy, a request
    id per request. Secure cookies are kept although the hop is plain HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.request_ids: list[str] = []

    def request(self, method, path, data=None, *, host="localhost", files=None, headers=None):
        rid = f"check-{uuid.uuid4().hex}"
        self.request_ids.append(rid)
        body, content_type = None, None
        if files:
            body, content_type = _multipart(data or {}, files)
        elif data is not None:
            body = urllib.parse.urlencode(data).encode()
            content_type = "application/x-www-form-urlencoded"
        base = path if path.startswith("http") else self.base + path
        request = urllib.request.Request(base, data=body, method=method)
        request.add_header("Host", host)
        request.add_header("X-Forwarded-Proto", "https")
        request.add_header("X-Request-ID", rid)
        request.add_header("Referer", f"https://{host}/")
        if content_type:
            request.add_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        for cookie in self.jar:
            cookie.secure = False
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for cookie in self.jar:
            cookie.secure = False
        response.body = response.read()
        response.request_id = rid
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path, data, *, files=None):
        """GET the page for its CSRF token, then POST the form. A page kept in the page cache
        holds an empty token field; the browser's script fetches the token from its data-csrf URL
        (static/js/csrf.js), and so does this."""
        page = self.get(path).body.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is not None:
            token = token.group(1)
        elif fetch := re.search(r'name="csrfmiddlewaretoken" value="" data-csrf="([^"]+)"', page):
            token = json.loads(self.get(fetch.group(1)).body)["token"]
        else:
            raise CheckFailed(f"no CSRF token on {path}")
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": token}, files=files)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(f"{value}\r\n".encode())
    for name, (filename, content, mimetype) in files.items():
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mimetype}\r\n\r\n'.encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def production_password_hash(password: str) -> str:
    """The driver hashes the many factory users' passwords cheaply (MD5); the two who log in
    get the production hasher's hash, which the web processes check."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt())


def _credential_keys() -> str:
    """A fresh signing key for the ambassadors' credentials, as production requires one."""
    from joserfc.jwk import ECKey

    key = ECKey.generate_key("P-256", private=True)
    return json.dumps({"keys": [{**key.as_dict(private=True), "kid": "prodcheck"}]})


def recreate_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (0, 94, 184)).save(buffer, "PNG")
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "PRODCHECK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/weltstadt_prodcheck"
        ),
        help="a database this check may drop and create",
    )
    parser.add_argument(
        "--redis", default=os.environ.get("PRODCHECK_REDIS", "redis://127.0.0.1:6379")
    )
    parser.add_argument(
        "--broker-db", type=int, default=int(os.environ.get("PRODCHECK_BROKER_DB", 14))
    )
    parser.add_argument(
        "--cache-db", type=int, default=int(os.environ.get("PRODCHECK_CACHE_DB", 15))
    )
    parser.add_argument("--chaos-mails", type=int, default=2000)
    parser.add_argument(
        "--seed",
        type=int,
        default=int(os.environ.get("PRODCHECK_SEED", time.time_ns() % 1_000_000)),
        help="of the chaos checks' random kills (printed, so that a failure can be replayed)",
    )
    parser.add_argument("--keep-logs", action="store_true", help="print where the logs are")
    args = parser.parse_args()

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="weltstadt-prodcheck-"))
    log_dir = work / "logs"
    log_dir.mkdir()
    var = work / "var"
    static = ROOT / "var" / "prodcheck-static"  # reused between runs: collectstatic is slow

    import redis

    for db in (args.broker_db, args.cache_db):
        redis.Redis.from_url(f"{args.redis}/{db}").flushdb()
    recreate_database(args.database_url)

    from tests.newsletter.smtp_sink import SmtpSink

    sink = SmtpSink(delay=0.004, keep=True)
    sink.__enter__()
    s3_port = free_port()
    ports = {"a": free_port(), "b": free_port(), "nobroker": free_port()}
    bucket = "weltstadt-media"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_"))},
        "DJANGO_SETTINGS_MODULE": "weltstadt.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": f"prodcheck-{uuid.uuid4().hex}",
        "WELTSTADT_CREDENTIAL_KEYS": _credential_keys(),
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://localhost",
        "DJANGO_ADMINS": "",
        "WELTSTADT_SITE_URL": "https://localhost",
        "WELTSTADT_VAR_DIR": str(var),
        "STATIC_ROOT": str(static),
        "DATABASE_URL": args.database_url,
        "CELERY_BROKER_URL": f"{args.redis}/{args.broker_db}",
        "REDIS_URL": f"{args.redis}/{args.cache_db}",
        "EMAIL_URL": sink.url,
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "AWS_S3_URL_PROTOCOL": "http:",
        "AWS_S3_CUSTOM_DOMAIN": f"127.0.0.1:{s3_port}/{bucket}",
        "AWS_ACCESS_KEY_ID": "check",
        "AWS_SECRET_ACCESS_KEY": "check",
        "AWS_S3_REGION_NAME": "us-east-1",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "OUTBOX_BATCH_SIZE": "50",
        "OUTBOX_HEARTBEAT_SECONDS": "3",
        "OUTBOX_CLAIM_STALE_SECONDS": "15",
        "OUTBOX_PENDING_GRACE_SECONDS": "5",
        "CELERY_VISIBILITY_TIMEOUT": "60",
        "BEAT_HEARTBEAT_FILE": str(work / "beat.heartbeat"),
        "PYTHONUNBUFFERED": "1",
    }
    os.environ.update(env)
    processes = Processes(env, log_dir)
    failures = 0
    try:
        processes.start("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)])
        run_checks(args, env, processes, sink, ports, bucket, work)
    except CheckFailed as failure:
        failures += 1
        print(f"FAIL {failure}", flush=True)
    finally:
        processes.stop_all()
        sink.__exit__()
    if not failures:
        try:
            check_logs(processes, sink)
        except CheckFailed as failure:
            failures += 1
            print(f"FAIL {failure}", flush=True)
    outcome = "FAILED" if failures else "passed"
    print(f"{outcome} in {time.monotonic() - started:.0f} s; logs in {log_dir}")
    print(f"production_check: {len(PASSED)} passed, {failures} failed")
    if not failures and not args.keep_logs:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


SECRETS: list[str] = []  # bearer tokens the check used, and recipients' addresses
CARRIED: list[str] = []  # request ids of requests that enqueued a task


def run_checks(args, env, processes: Processes, sink, ports, bucket, work) -> None:
    import django

    django.setup()
    import logging

    from django.conf import settings
    from django.core.management import call_command

    # this process is the test driver, not one of the stack's: only its problems, and cheap
    # password hashes for the users its factories make
    logging.getLogger().setLevel(logging.WARNING)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    logging.getLogger("mail.log").setLevel(logging.WARNING)

    call_command("migrate", "--noinput", verbosity=0)
    manifest = Path(env["STATIC_ROOT"]) / "staticfiles.json"
    newest = max(p.stat().st_mtime for p in (ROOT / "static").rglob("*") if p.is_file())
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        call_command("collectstatic", "--noinput", verbosity=0)
    check(manifest.exists(), "static files collected (as the image build does)")

    import boto3

    wait_until(
        lambda: _port_open(int(env["AWS_S3_ENDPOINT_URL"].rsplit(":", 1)[1])),
        timeout=30,
        what="the S3-API server",
    )
    s3 = boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        aws_access_key_id="check",
        aws_secret_access_key="check",
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket=bucket)

    from django_celery_beat.models import IntervalSchedule

    # beat every 5 s instead of every minute (the sweep, due sends)
    IntervalSchedule.objects.update(every=5, period=IntervalSchedule.SECONDS)

    gunicorn = [
        str(BIN / "gunicorn"),
        "weltstadt.wsgi:application",
        "-c",
        "deploy/gunicorn.conf.py",
    ]
    for name in ("a", "b"):
        processes.start(f"web-{name}", [*gunicorn, "-b", f"127.0.0.1:{ports[name]}", "-w", "2"])
    processes.start(
        "web-nobroker",
        [*gunicorn, "-b", f"127.0.0.1:{ports['nobroker']}", "-w", "1"],
        {"CELERY_BROKER_URL": f"redis://127.0.0.1:{free_port()}/0"},
    )
    processes.start("worker1", worker_command("worker1"))
    processes.start("worker2", worker_command("worker2"))
    processes.start("beat", [str(BIN / "celery"), "-A", "weltstadt", "-q", "beat"])

    a, b = Browser(f"http://127.0.0.1:{ports['a']}"), Browser(f"http://127.0.0.1:{ports['b']}")
    for name in ("a", "b", "nobroker"):
        wait_until(lambda n=name: _port_open(ports[n]), timeout=60, what=f"gunicorn {name}")
    for name, client in (("a", a), ("b", b)):
        # the first answers wait for the workers to load the application
        response = wait_until(
            lambda c=client: _answer(c, "/healthz", host="10.0.0.7"), timeout=120, what="/healthz"
        )
        check(response.status == 200, f"/healthz answers 200 on web {name} (any Host, plain HTTP)")
        wait_until(lambda c=client: _answer(c, "/en/"), timeout=120, what=f"web {name} warm")
    wait_until(
        lambda: _answer(Browser(f"http://127.0.0.1:{ports['nobroker']}"), "/en/"),
        timeout=120,
        what="web nobroker warm",
    )
    wait_until(
        lambda: all((work / "logs").glob("worker*-1.err")) and _workers_ready(processes),
        timeout=60,
        what="both workers ready",
    )
    wait_until(lambda: Path(env["BEAT_HEARTBEAT_FILE"]).exists(), timeout=30, what="beat ticking")

    check_scheduled_send(sink)
    check_award(sink)
    check_upload_and_media(a, b, s3, bucket)
    check_shared_rate_limit(a, b)
    check_broker_down(ports, sink)
    check_request_id_carried(a, sink)
    check_tokens_in_paths(a)
    rng = random.Random(args.seed)
    print(f"     chaos seed {args.seed} (PRODCHECK_SEED={args.seed} replays the same kills)")
    check_chaos(args, processes, sink, rng)
    check_award_chaos(processes, sink, rng)
    check_database_restart(args, processes, ports, a, b, sink)


def worker_command(name: str) -> list[str]:
    """A worker as the compose file runs one (weltstadt.worker, two pool processes), on every
    queue."""
    return [
        PYTHON, "-m", "weltstadt.worker", "-q",
        "-Q", "default,mail,pdf", "-c", "2", "-n", f"{name}@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip


def _answer(client, path, **kwargs):
    try:
        response = client.get(path, **kwargs)
    except OSError:
        return None
    return response if response.status < 500 else None


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _workers_ready(processes: Processes) -> bool:
    logs = [p for p in processes.log_files() if p.name.startswith("worker")]
    return sum("ready." in p.read_text() for p in logs) >= 2


def check_scheduled_send(sink) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.models import SendJob
    from newsletter.services.sending import issue_send
    from tests.newsletter.factories import issue_make, subscribers_make
    from weltstadt.models import OutgoingMail

    issue = issue_make(number=1, languages=["de", "tr", "en"])
    readers = subscribers_make(120, language="tr", start=10_000)
    SECRETS.extend(r.email for r in readers[:5])
    before = sink.messages
    job = issue_send(issue=issue, by=None, send_at=timezone.now() + timedelta(seconds=3))
    check(job.status == SendJob.Status.SCHEDULED, "a bulletin scheduled 3 s ahead waits")
    wait_until(
        lambda: (
            OutgoingMail.objects.filter(
                idempotency_key__startswith=job.key_prefix, status="sent"
            ).count()
            == 120
        ),
        timeout=60,
        what="the scheduled send",
    )
    got = {r: sink.recipients[r] for r in (x.email for x in readers)}
    check(
        sink.messages - before == 120 and set(got.values()) == {1},
        "beat fired the scheduled send: 120 readers, each mail once across two workers",
    )


def check_award(sink) -> None:
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from ambassadors.certificates.models import CertificateFile
    from ambassadors.certificates.services import certificates_award_cohort
    from tests.ambassadors.certificate_fixtures import graduate, signature_png
    from tests.ambassadors.factories import CohortFactory, MissionStatementFactory, ModuleFactory
    from tests.factories import UserFactory

    statement = MissionStatementFactory(year=timezone.localdate().year)
    statement.signature.save("signature.png", ContentFile(signature_png()))
    cohort = CohortFactory()
    ModuleFactory(cohort=cohort, title="City diplomacy basics", order=1)
    ModuleFactory(cohort=cohort, title="Project in your city", kind="implementation", order=2)
    people = [graduate(cohort, email=f"graduate{n}@example.org") for n in range(30)]
    SECRETS.extend(p.user.email for p in people[:3])
    staff = UserFactory(email="coordinator@example.org", is_staff=True)
    before = sink.messages
    result = certificates_award_cohort(cohort=cohort, by=staff)
    check(len(result.awarded) == 30, "an award of 30 certificates is recorded")
    wait_until(
        lambda: (
            CertificateFile.objects.filter(certificate__in=result.awarded).count() == 30
            and sink.messages - before >= 30
        ),
        timeout=120,
        what="30 certificate PDFs and their mails",
    )
    check(sink.messages - before == 30, "the award completes: 30 PDFs rendered, 30 mails sent")


def check_upload_and_media(a, b, s3, bucket) -> None:
    from allauth.account.models import EmailAddress

    from ambassadors.models import Ambassador
    from tests.ambassadors.factories import AmbassadorFactory
    from tests.factories import UserFactory

    user = UserFactory(email="photo.member@example.org", name="Photo Member")
    user.password = production_password_hash("a-long-check-password")
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    SECRETS.append(user.email)
    ambassador = AmbassadorFactory(
        user=user, public_profile=True, status=Ambassador.Status.ACTIVE, country="IS"
    )
    login = a.post_form(
        "/en/accounts/login/", {"login": user.email, "password": "a-long-check-password"}
    )
    check(login.status == 302, "a member logs in through web a")
    photo = png_bytes()
    saved = a.post_form(
        "/en/ambassadors/member/profile/",
        {
            "public_profile": "on",
            "bio": "Check",
            "city": ambassador.city or "Bremen",
            "country": "IS",
            "field": ambassador.field or "culture",
            "organisation": "",
        },
        files={"photo": ("me.png", photo, "image/png")},
    )
    check(saved.status == 302, "web a takes the photo upload")
    ambassador = Ambassador.objects.get(pk=ambassador.pk)
    key = f"media/{ambassador.photo.name}"
    check(
        s3.get_object(Bucket=bucket, Key=key)["Body"].read() == photo,
        "the photo is in the shared bucket, not on web a's disk",
    )
    page = b.get("/en/ambassadors/directory/?country=IS").body.decode()
    urls = re.findall(r'<img class="amb-photo" src="([^"]+)"', page)
    check(any(ambassador.photo.name in url for url in urls), "web b's directory shows the photo")
    url = next(url for url in urls if ambassador.photo.name in url)
    with urllib.request.urlopen(url, timeout=10) as response:
        check(response.read() == photo, "the photo is served from the bucket's public URL")
    fallback = b.get(f"/media/{ambassador.photo.name}")
    check(
        fallback.status == 200 and fallback.body == photo,
        "web b serves it under /media/ too (the path without a proxy in front)",
    )


def check_shared_rate_limit(a, b) -> None:
    from allauth.account.models import EmailAddress

    from tests.factories import UserFactory

    user = UserFactory(email="locked.out@example.org")
    user.password = production_password_hash("the-right-password-1")
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    SECRETS.append(user.email)
    for attempt in range(6):
        client = Browser((a, b)[attempt % 2].base)  # each attempt a stranger, as an attacker
        response = client.post_form(
            "/en/accounts/login/", {"login": user.email, "password": f"wrong-{attempt}"}
        )
        if response.status == 302:
            raise CheckFailed(f"wrong password {attempt + 1} was accepted")
    right = Browser(b.base).post_form(
        "/en/accounts/login/", {"login": user.email, "password": "the-right-password-1"}
    )
    check(
        right.status != 302,
        "after wrong passwords spread over web a and b, the account is locked on both",
    )


def check_broker_down(ports, sink) -> None:
    from weltstadt.models import OutgoingMail

    client = Browser(f"http://127.0.0.1:{ports['nobroker']}")
    address = "broker.down@example.org"
    SECRETS.append(address)
    response = client.post_form(
        "/en/bulletin/subscribe/",
        {"email": address, "language": "en", "consent": "on", "source": "footer"},
    )
    check(
        response.status == 302 and response.headers["Location"].endswith("/subscribe/done/"),
        "with the broker unreachable, subscribing answers the normal page",
    )
    done = client.get(response.headers["Location"])
    check(done.status == 200, "…and the page after it")
    check(
        OutgoingMail.objects.filter(to=address, status="pending").exists(),
        "the confirmation mail waits in the outbox",
    )
    wait_until(lambda: sink.recipients[address] >= 1, timeout=60, what="the swept mail")
    check(sink.recipients[address] == 1, "the sweep sent it once the broker took tasks")


def check_request_id_carried(client, sink) -> None:
    address = "carried.id@example.org"
    SECRETS.append(address)
    response = client.post_form(
        "/en/bulletin/subscribe/",
        {"email": address, "language": "de", "consent": "on", "source": "footer"},
    )
    check(response.status == 302, "subscribing through web a with the broker up")
    CARRIED.append(response.request_id)
    wait_until(lambda: sink.recipients[address] == 1, timeout=60, what="the confirmation mail")
    check(True, "its confirmation mail went out at once (checked in the worker's log below)")


def check_tokens_in_paths(client) -> None:
    tokens = [f"tok{uuid.uuid4().hex}" for _ in range(6)]
    SECRETS.extend(tokens)
    paths = [
        f"/tr/masterplan/expert/{tokens[0]}/",
        f"/en/bulletin/confirm/{tokens[1]}/",
        f"/en/bulletin/unsubscribe/{tokens[2]}/",
        f"/en/summits/registration/{tokens[3]}/",
        f"/en/masterplan/ballot/{tokens[4]}/",
        f"/en/accounts/password/reset/key/1a-{tokens[5]}/",
    ]
    for path in paths:
        client.get(path)
    wrong_host = client.get("/en/", host="attacker.example")
    check(wrong_host.status == 400, "a wrong Host header gets 400")
    check(True, "requested six bearer links (checked in the logs below)")


def check_chaos(args, processes: Processes, sink, rng: random.Random) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.models import SendJob, Subscriber
    from newsletter.selectors import sendjob_progress
    from newsletter.services.sending import issue_send
    from tests.newsletter.factories import issue_make, subscribers_make
    from weltstadt.models import OutgoingMail

    count = args.chaos_mails
    issue = issue_make(number=2, languages=["de", "tr"])
    subscribers_make(count, language="de", start=100_000)
    # the send goes to every confirmed reader, those of the earlier checks too
    expected = set(
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).values_list(
            "email", flat=True
        )
    )
    base = {r: sink.recipients[r] for r in expected}
    check(len(expected) >= count, f"{len(expected)} confirmed readers")
    job = issue_send(issue=issue, by=None)
    # three kills at random points of the send, each of a worker chosen at random; one of them
    # (at random) of the main process alone, the others of the whole container
    kills, kill_at = 0, sorted(int(count * rng.uniform(0.1, 0.75)) for _ in range(3))
    victims = [rng.choice(["worker1", "worker2"]) for _ in range(3)]
    main_only_at = rng.randrange(3)
    early_done, longest_sending = None, 0.0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        sent_now = sum(sink.recipients[r] - base[r] for r in expected)
        if kills < 3 and sent_now >= kill_at[kills]:
            victim = victims[kills]
            processes.kill(victim, main_only=kills == main_only_at)
            what = "main process" if kills == main_only_at else "main process and pool"
            kills += 1
            print(f"     SIGKILL {victim} {what} ({kills}/3) after {sent_now} mails", flush=True)
            processes.start(victim, worker_command(victim))
        job.refresh_from_db()
        progress = sendjob_progress(job=job)
        reached = sum(1 for r in expected if sink.recipients[r] > base[r])
        if progress["status"] == SendJob.Status.DONE and reached < len(expected):
            early_done = {**progress, "readers_reached": reached}
        oldest = (
            OutgoingMail.objects.filter(
                status="sending", idempotency_key__startswith=job.key_prefix
            )
            .order_by("claimed_at")
            .values_list("claimed_at", flat=True)
            .first()
        )
        if oldest:
            longest_sending = max(longest_sending, (timezone.now() - oldest).total_seconds())
        if kills == 3 and progress["sent"] == len(expected):
            break
        time.sleep(0.5)
    check(kills == 3, f"workers were killed three times during the send ({', '.join(victims)})")
    got = {r: sink.recipients[r] - base[r] for r in expected}
    missing = [r for r, n in got.items() if n == 0]
    duplicates = sum(n - 1 for n in got.values() if n > 1)
    check(not missing, f"0 of {len(expected)} readers missed (missing {len(missing)})")
    check(duplicates <= kills, f"{duplicates} duplicates for {kills} kills (at most one per kill)")
    check(
        longest_sending < timedelta(minutes=2).total_seconds(),
        f"no row stayed 'sending' for two minutes (longest {longest_sending:.0f} s)",
    )
    check(early_done is None, f"the progress never said done too early ({early_done})")

    # the last batch's task may have died with a killed worker: beat's due-check closes the send
    def done():
        job.refresh_from_db()
        return sendjob_progress(job=job)["status"] == SendJob.Status.DONE

    wait_until(
        done,
        timeout=60,
        what="the send marked done",
    )
    check(True, "the send is done once every mail is out")


def check_award_chaos(processes: Processes, sink, rng: random.Random) -> None:
    """Workers killed at random while they render and mail a cohort's certificates: every
    certificate is rendered once, nobody is missed, at most one duplicate mail per kill."""
    from collections import Counter

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from ambassadors.certificates.models import Certificate, CertificateFile
    from ambassadors.certificates.services import certificates_award_cohort
    from ambassadors.models import MissionStatement
    from tests.ambassadors.certificate_fixtures import graduate, signature_png
    from tests.ambassadors.factories import CohortFactory, MissionStatementFactory, ModuleFactory
    from tests.factories import UserFactory

    size = 40
    if not MissionStatement.objects.filter(year=timezone.localdate().year).exists():
        statement = MissionStatementFactory(year=timezone.localdate().year)
        statement.signature.save("signature.png", ContentFile(signature_png()))
    cohort = CohortFactory()
    ModuleFactory(cohort=cohort, title="City diplomacy basics", order=1)
    ModuleFactory(cohort=cohort, title="Project in your city", kind="implementation", order=2)
    people = [graduate(cohort, email=f"chaos.graduate{n}@example.org") for n in range(size)]
    addresses = {p.user.email for p in people}
    SECRETS.extend(sorted(addresses)[:3])
    staff = UserFactory(email="chaos.coordinator@example.org", is_staff=True)
    base = {address: sink.recipients[address] for address in addresses}
    result = certificates_award_cohort(cohort=cohort, by=staff)
    check(len(result.awarded) == size, f"an award of {size} certificates is recorded")
    awarded = [c.pk for c in result.awarded]

    def rendered() -> int:
        return CertificateFile.objects.filter(certificate__in=awarded).count()

    kill_at = sorted(int(size * rng.uniform(0.1, 0.8)) for _ in range(3))
    victims = [rng.choice(["worker1", "worker2"]) for _ in range(3)]
    for n, (threshold, victim) in enumerate(zip(kill_at, victims, strict=True), start=1):
        wait_until(lambda t=threshold: rendered() >= t, timeout=180, what=f"{threshold} PDFs")
        processes.kill(victim)
        print(f"     SIGKILL {victim} ({n}/3) after {rendered()} of {size} PDFs", flush=True)
        processes.start(victim, worker_command(victim))
    # a killed worker's tasks come back once the broker's visibility timeout has passed
    wait_until(
        lambda: rendered() == size and all(sink.recipients[a] > base[a] for a in addresses),
        timeout=240,
        what=f"{size} certificate PDFs and their mails after the kills",
    )
    time.sleep(2)  # let a redelivered duplicate, if any, arrive before counting
    holders = Counter(
        Certificate.objects.filter(ambassador__cohort=cohort).values_list(
            "ambassador_id", flat=True
        )
    )
    files = Counter(
        CertificateFile.objects.filter(certificate__in=awarded).values_list(
            "certificate_id", "version"
        )
    )
    check(
        len(holders) == size and set(holders.values()) == {1},
        f"{size} holders, one certificate each (0 duplicate certificates)",
    )
    check(
        len(files) == size and set(files.values()) == {1} and {v for _c, v in files} == {1},
        f"each certificate rendered once: {size} files, all of version 1",
    )
    got = {a: sink.recipients[a] - base[a] for a in addresses}
    duplicates = sum(n - 1 for n in got.values() if n > 1)
    check(not [a for a, n in got.items() if n == 0], f"0 of {size} holders without the mail")
    check(duplicates <= 3, f"{duplicates} duplicate mails for 3 kills (at most one per kill)")


def _gunicorn_workers(process: subprocess.Popen) -> set[int]:
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    return {int(pid) for pid in children.read_text().split()}


def check_database_restart(args, processes: Processes, ports, a, b, sink) -> None:
    """PostgreSQL goes away under load, three times, as in a restart or a fail-over: every
    connection of the portal's database is cut and new ones are refused for a few seconds.
    Pages say 503 meanwhile (never 500); afterwards both web processes, the workers and beat
    carry on without being restarted."""
    import threading
    from collections import Counter

    import psycopg
    from django.db import connection

    database = urllib.parse.urlsplit(args.database_url)
    name = database.path.lstrip("/")
    admin = psycopg.connect(
        urllib.parse.urlunsplit(database._replace(path="/postgres")), autocommit=True
    )
    before = {n: _gunicorn_workers(processes.running[n]) for n in ("web-a", "web-b")}
    beat = Path(processes.env["BEAT_HEARTBEAT_FILE"])
    statuses: Counter = Counter()
    stop = threading.Event()

    def load(base: str) -> None:
        client = Browser(base)
        paths = ["/en/partner-cities/", "/de/summits/", "/tr/bulletin/", "/de/masterplan/"]
        n = 0
        while not stop.is_set():
            # every other request a page the page cache does not hold (a query string of its
            # own), which needs the database; the others mostly come from the page cache
            path = paths[n % len(paths)] + (f"?n={threading.get_ident()}-{n}" if n % 2 else "")
            kind = "rendered" if n % 2 else "cacheable"
            try:
                statuses[kind, client.get(path).status] += 1
            except OSError as error:
                statuses[kind, type(error).__name__] += 1
            n += 1

    threads = [
        threading.Thread(target=load, args=(client.base,), daemon=True) for client in (a, b, a, b)
    ]
    for thread in threads:
        thread.start()
    health_during = []
    try:
        time.sleep(1)
        for _round in range(3):
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            time.sleep(1)
            health_during.append(a.get("/healthz").status)
            time.sleep(2)
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
            time.sleep(2)
    finally:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        admin.close()
    connection.close()  # this driver's own connection was cut as well
    print(f"     answers under load across three outages: {dict(statuses)}", flush=True)
    check(set(health_during) == {503}, f"/healthz said 503 during each outage ({health_during})")
    check(statuses["rendered", 503] > 0, "pages to be rendered said 503 while it was away")
    check(
        {status for _kind, status in statuses} <= {200, 503},
        "no 500 and no dropped connection during the outages",
    )
    after = Counter(
        client.get(path).status
        for _ in range(10)
        for client in (a, b)
        for path in ("/en/partner-cities/", "/de/summits/", "/tr/bulletin/")
    )
    check(after == Counter({200: 60}), f"afterwards both web processes answer 200 ({dict(after)})")
    check(
        {n: _gunicorn_workers(processes.running[n]) for n in before} == before,
        "…with the same gunicorn worker processes (none restarted)",
    )
    address = "after.outage@example.org"
    SECRETS.append(address)
    response = a.post_form(
        "/en/bulletin/subscribe/",
        {"email": address, "language": "de", "consent": "on", "source": "footer"},
    )
    check(response.status == 302, "a reader subscribes after the outages")
    wait_until(lambda: sink.recipients[address] == 1, timeout=60, what="the confirmation mail")
    check(True, "…and a worker sends her confirmation mail")
    ticked = beat.stat().st_mtime
    wait_until(lambda: beat.stat().st_mtime > ticked, timeout=30, what="beat ticking again")
    check(
        all(processes.running[n].poll() is None for n in ("beat", "worker1", "worker2")),
        "beat and both workers are the processes from before the outages",
    )


def check_logs(processes: Processes, sink) -> None:
    lines, not_json = 0, []
    web_without_id, leaks, tracebacks = [], [], []
    request_ids_in_worker = set()
    for path in processes.log_files():
        if path.name.startswith("s3-"):
            continue  # moto's server stands in for S3: not one of ours
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            lines += 1
            try:
                record = json.loads(line)
            except ValueError:
                not_json.append(f"{path.name}: {line[:200]}")
                continue
            if (
                not isinstance(record, dict)
                or "time" not in record
                or "+00:00" not in record["time"]
            ):
                not_json.append(f"{path.name} (no UTC time): {line[:200]}")
            access = path.name.startswith("web-") and record.get("logger") == "weltstadt.access"
            if access and not str(record.get("request_id", "")).startswith("check-"):
                web_without_id.append(line[:200])
            if path.name.startswith("worker") and str(record.get("request_id", "")).startswith(
                "check-"
            ):
                request_ids_in_worker.add(record["request_id"])
            for secret in SECRETS:
                if secret in line:
                    leaks.append(f"{path.name}: {secret} in {line[:200]}")
            if "DisallowedHost" in line and "Traceback" in line:
                tracebacks.append(line[:200])
    check(lines > 100, f"{lines} log lines from {len(processes.log_files())} files")
    check(not not_json, f"every line is JSON with a UTC time ({not_json[:3]})")
    check(
        not web_without_id,
        f"every access line carries the proxy's request id ({web_without_id[:3]})",
    )
    check(
        CARRIED and set(CARRIED) <= request_ids_in_worker,
        "the request id of a request reaches the worker's lines of the task it enqueued",
    )
    check(not leaks, f"no bearer token and no recipient's address in any line ({leaks[:3]})")
    check(not tracebacks, "a wrong Host header logs a warning, no traceback")


if __name__ == "__main__":
    sys.exit(main())
