from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from weltstadt.backup import backup_restore, row_counts


class Command(BaseCommand):
    help = "Load a backup folder (manage.py backup) into a freshly migrated, empty database."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        folder = Path(folder)
        if not (folder / "manifest.json").exists():
            raise CommandError(f"{folder} is not a backup folder (no manifest.json).")
        from weltstadt.models import User

        if User.objects.exists():
            raise CommandError("The database is not empty: restore only into a fresh one.")
        manifest = backup_restore(folder)
        counts = row_counts()
        different = {
            label: (rows, counts.get(label))
            for label, rows in manifest["rows"].items()
            if counts.get(label) != rows
        }
        if different:
            raise CommandError(f"Row counts differ after the restore: {different}")
        self.stdout.write(f"Restored {sum(counts.values())} rows and the files from {folder}.")
