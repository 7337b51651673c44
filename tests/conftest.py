"""Shared fixtures. The cast, after healthchecks: alice and bob are members, charlie an outsider."""

import os
import shutil

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import empty

from tests.factories import UserFactory
from weltstadt.mail_personal import _bulk_groups
from weltstadt.private_storage import private_storage

pytest_plugins = ["tests.fixtures.worker", "tests.fixtures.browser", "tests.fixtures.smtp"]

# In CI every kind of test must run: a missing broker or browser is an error, not a deselection.
STRICT = os.environ.get("WELTSTADT_STRICT_TESTS") == "1"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # A transactional test (live server, real worker) ends with a flush that also empties what the
    # data migrations wrote (the role groups, the beat schedules). Serialized rollback puts it back
    # before each such test, so they see the database a deployment has.
    for item in items:
        names = getattr(item, "fixturenames", ())
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        flushes = {"transactional_db", "live_server"} & set(names)
        transactional = kwargs.get("transaction") or flushes
        if transactional and not kwargs.get("serialized_rollback"):
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
    _mark_pdf_tool_users(items)
    # `make test` spreads the tests over the cores (pytest-xdist, --dist loadgroup); real Celery
    # workers share one broker, so their tests run one after the other in one process
    for item in items:
        if item.get_closest_marker("worker"):
            item.add_marker(pytest.mark.xdist_group("celery-worker"))
    missing = []
    if not os.environ.get("CELERY_BROKER_URL"):
        missing.append(("worker", "no CELERY_BROKER_URL (a Redis broker)"))
        missing.append(("redis", "no CELERY_BROKER_URL (a Redis server)"))
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        missing.append(("postgres", "no PostgreSQL in DATABASE_URL"))
    if not _chromium_found():
        missing.append(("browser", "no Chromium (apt-get install chromium, or CHROMIUM_PATH)"))
    pdf_tools = [tool for tool in ("qpdf", "pdftoppm") if not shutil.which(tool)]
    if pdf_tools:
        missing.append(
            ("pdf_tools", f"no {' or '.join(pdf_tools)} (apt-get install qpdf poppler-utils)")
        )
    for marker, reason in missing:
        selected = [item for item in items if item.get_closest_marker(marker)]
        if not selected:
            continue
        if STRICT:
            raise pytest.UsageError(f"{len(selected)} {marker} tests cannot run: {reason}")
        config.hook.pytest_deselected(items=selected)
        items[:] = [item for item in items if not item.get_closest_marker(marker)]
        print(f"\nDeselected {len(selected)} {marker} tests: {reason}.")


PDF_TOOL_WORDS = ("pdftoppm", "qpdf", "decode_qr_in_pdf")


def _mark_pdf_tool_users(items):
    """Tests in a module that runs qpdf or pdftoppm (directly or through tests/qr_decode.py) need
    those programs: they get the pdf_tools marker, so a machine without them deselects them with a
    message instead of failing with FileNotFoundError."""
    uses = {}
    for item in items:
        path = item.path
        if path not in uses:
            source = path.read_text(encoding="utf-8") if path.suffix == ".py" else ""
            uses[path] = any(word in source for word in PDF_TOOL_WORDS)
        if uses[path]:
            item.add_marker(pytest.mark.pdf_tools)


def _chromium_found() -> bool:
    """Chromium where the browser fixture will launch it: CHROMIUM_PATH, else /usr/bin/chromium."""
    path = os.environ.get("CHROMIUM_PATH")
    if path:
        return os.access(path, os.X_OK) or bool(shutil.which(path))
    return os.path.exists("/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _english_unless_chosen():
    """Tests start in English, like a shell; a test about a language chooses it (override, URL)."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _isolated_files_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OUTBOX_RETRY_BASE_SECONDS = 0
    # the private storage is set up once per process: let it follow this test's folder, which a
    # real worker started by the test is given too
    private_storage._wrapped = empty
    cache.clear()
    _bulk_groups.clear()  # rendered bulletin groups a worker process keeps between batches
    yield
    cache.clear()
    _bulk_groups.clear()
    private_storage._wrapped = empty


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.org", name="Alice Arslan", preferred_language="de")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.org", name="Bob Becker", preferred_language="tr")


@pytest.fixture
def charlie(db):
    return UserFactory(email="charlie@example.org", name="Charlie Çelik", preferred_language="en")


@pytest.fixture
def staff_user(db):
    """A superuser with TOTP set up, logged in through the client fixtures below."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = UserFactory(
        email="staff@example.org", name="Staff Member", is_staff=True, is_superuser=True
    )
    if not Authenticator.objects.filter(user=user).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the on_commit callbacks (task enqueues) of the block, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
