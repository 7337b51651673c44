from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from weltstadt.demo import DEMO_PASSWORD, demo_seed_all


class Command(BaseCommand):
    help = "Load the demo content and accounts (idempotent). Refused in production."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        logins = demo_seed_all()
        self.stdout.write(self.style.SUCCESS("Demo content loaded. Demo logins:"))
        for login in logins:
            mfa = "  (two-factor: manage.py demo_totp " + login.email + ")" if login.mfa else ""
            self.stdout.write(f"  {login.email:<36} {login.role}{mfa}")
        self.stdout.write(f"  Password for every demo account: {DEMO_PASSWORD}")
