from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from weltstadt.backup import backup_create


class Command(BaseCommand):
    help = "Write every table and the uploaded files (public and private) into a backup folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder",
            nargs="?",
            help="Where to write (default: var/backups/<date-time>/).",
        )

    def handle(self, *args, folder=None, **options):
        target = Path(
            folder or settings.VAR_DIR / "backups" / timezone.now().strftime("%Y%m%d-%H%M%S")
        )
        manifest = backup_create(target)
        self.stdout.write(
            f"Backup written to {target}: {sum(manifest['rows'].values())} rows "
            f"in {len(manifest['rows'])} tables, media and private files."
        )
