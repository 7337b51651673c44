from django.core.management.base import BaseCommand

from search.services import documents_rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from the public items (safe to run at any time)."

    def handle(self, *args, **options):
        count = documents_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} documents."))
