from django.core.management.base import BaseCommand

from weltstadt.partner_data import partner_data_import


class Command(BaseCommand):
    help = "Import the shipped partner cities, partnerships and city networks (idempotent)."

    def handle(self, *args, **options):
        result = partner_data_import()
        self.stdout.write(
            f"{result.cities} cities, {result.partnerships} partnerships, "
            f"{result.networks} networks imported."
        )
