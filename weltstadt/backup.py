"""Backup and restore of the portal: every row (Django's dumpdata, the same on SQLite and
PostgreSQL) and the uploaded files (public media and the private files: certificates, office
finances and reports), in one folder:

    <folder>/data.json.gz     every table but those Django rebuilds (content types, permissions,
                              sessions, beat's change marker)
    <folder>/media.tar.gz     MEDIA_ROOT
    <folder>/private.tar.gz   PRIVATE_MEDIA_ROOT
    <folder>/manifest.json    when, from which database, the number of rows per table

`restore` loads a folder into a freshly migrated, empty database and unpacks the files.
"""

import json
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

# Rebuilt by Django and django-celery-beat themselves (PeriodicTasks is beat's "schedules
# changed" marker, written whenever a schedule is saved).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "django_celery_beat.periodictasks",
]
FILE_TREES = {"media.tar.gz": "MEDIA_ROOT", "private.tar.gz": "PRIVATE_MEDIA_ROOT"}


def row_counts() -> dict[str, int]:
    """Rows per model of every table the backup holds."""
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in EXCLUDED or label in EXCLUDED or model._meta.proxy:
            continue
        if not model._meta.managed:
            continue
        counts[label] = model._default_manager.using(connection.alias).count()
    return counts


def backup_create(folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data.json.gz"
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=EXCLUDED,
        output=str(data),
        indent=None,
        verbosity=0,
    )
    for archive, setting in FILE_TREES.items():
        root = Path(getattr(settings, setting))
        with tarfile.open(folder / archive, "w:gz") as tar:
            if root.exists():
                tar.add(root, arcname=".")
    manifest = {
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "rows": row_counts(),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def backup_restore(folder: Path) -> dict:
    """Load `folder` into the current (migrated, empty) database and unpack its files."""
    manifest = json.loads((folder / "manifest.json").read_text())
    with transaction.atomic():
        call_command("loaddata", str(folder / "data.json.gz"), verbosity=0)
    for archive, setting in FILE_TREES.items():
        root = Path(getattr(settings, setting))
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / archive, "r:gz") as tar:
            tar.extractall(root, filter="data")
    return manifest
