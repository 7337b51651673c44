"""`manage.py backup` and `manage.py restore`: a backup of a populated portal, restored into a
fresh database by a separate process (as an operator would), has the same rows in every table and
serves the same private file to its owner. Runs on SQLite and on PostgreSQL (a fresh database
next to the test database)."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.security.world import build_world, member_urls
from weltstadt.backup import row_counts

pytestmark = pytest.mark.django_db

CHECK = """
import json, sys
import django
django.setup()
from django.test import Client
from weltstadt.backup import row_counts
from weltstadt.models import User
rows = row_counts()  # before the login below writes last_login (and a history row)
client = Client()
client.force_login(User.objects.get(email=sys.argv[1]))
response = client.get(sys.argv[2])
body = b"".join(response.streaming_content) if response.streaming else response.content
print(json.dumps({"rows": rows, "status": response.status_code, "file": body.hex()}))
"""


def _fresh_database(tmp_path):
    """(DATABASE_URL of an empty database of the same kind, cleanup)."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}", lambda: None
    import psycopg

    params = settings.DATABASES["default"]
    name = f"weltstadt_restore_{uuid.uuid4().hex[:8]}"
    admin = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(**admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    return f"postgres://{auth}@{admin['host']}:{admin['port']}/{name}", drop


def test_backup_restores_into_a_fresh_database_with_every_row_and_file(tmp_path):
    world = build_world()
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert {p.name for p in folder.iterdir()} == {
        "data.json.gz",
        "media.tar.gz",
        "private.tar.gz",
        "manifest.json",
    }
    source_rows = row_counts()
    assert source_rows["offices.officedocument"] == 2
    document_url = member_urls(world.alice)["offices:board_document"]
    original = world.alice.objects["document"].file.open("rb").read()

    database_url, drop = _fresh_database(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "REDIS_URL")} | {
        "DATABASE_URL": database_url,
        "WELTSTADT_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
        "DJANGO_SETTINGS_MODULE": "weltstadt.settings",
    }

    def run(*args):
        done = subprocess.run(
            [sys.executable, *args],
            env=env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    try:
        run("manage.py", "migrate", "--noinput", "-v0")
        run("manage.py", "restore", str(folder))
        restored = json.loads(
            run("-c", CHECK, world.alice.user.email, document_url).strip().splitlines()[-1]
        )
    finally:
        drop()
    assert restored["rows"] == source_rows
    assert sum(restored["rows"].values()) > 50
    assert restored["rows"]["weltstadt.historicaluser"] >= 2
    assert restored["status"] == 200
    assert bytes.fromhex(restored["file"]) == original
