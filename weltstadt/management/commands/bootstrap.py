"""The first deployment in one command: `manage.py bootstrap --email you@example.org`.

1. applies the migrations (idempotent; the compose stack's migrate job has usually done it);
2. creates the first administrator: staff and superuser, e-mail address verified (the first login
   does not stop at a confirmation mail), a password asked twice, or with --login-link a one-time
   link printed to choose it; two-factor authentication (TOTP) is set up at the first login, as for
   every staff account;
3. imports the partner cities and city networks shipped in weltstadt/data
   (`import_partner_data`);
4. checks the mail settings by sending a test message to the administrator, now, over the
   configured connection, and says what the server answered.

Running it again changes nothing that exists: the administrator is kept (only marked verified),
the partner data is imported idempotently, another test mail is sent.
"""

import getpass
import uuid

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from weltstadt.outbox import mail_enqueue, outbox_deliver


class Command(BaseCommand):
    help = (
        "First deployment: migrations, the first administrator (verified address, TOTP at "
        "first login), the partner data, and a test mail that checks the mail settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", help="the administrator's e-mail address (asked if absent)")
        parser.add_argument("--name", default="", help="the administrator's display name")
        parser.add_argument(
            "--language",
            default="en",
            choices=[code for code, _name in settings.LANGUAGES],
            help="the administrator's language (mails, back-office); default en",
        )
        parser.add_argument(
            "--login-link",
            action="store_true",
            help="print a one-time link to choose the password instead of asking for it here",
        )
        parser.add_argument("--skip-partner-data", action="store_true")
        parser.add_argument("--skip-mail-test", action="store_true")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        email = options["email"] or (
            options["interactive"] and input("E-mail address of the first administrator: ")
        )
        if not email:
            raise CommandError("Give the administrator's address with --email.")
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an e-mail address.") from error
        if not options["interactive"] and not options["login_link"]:
            raise CommandError("Without a terminal, use --login-link to set the password.")

        self.step("1/4 migrations")
        call_command("migrate", "--noinput", verbosity=0)
        self.ok("the database schema is up to date")

        self.step("2/4 the first administrator")
        user, created = self.administrator(email, options)
        if options["login_link"] or not created:
            if options["login_link"]:
                self.ok(f"one-time link to choose the password: {self.login_link(user)}")
        else:
            user.set_password(self.ask_password(user))
            user.save(update_fields=["password"])
            self.ok("password set")
        self.ok(
            f"{'created' if created else 'kept'} {email} (staff, superuser, address verified); "
            "two-factor authentication is set up at the first login"
        )

        self.step("3/4 partner cities and city networks")
        if options["skip_partner_data"]:
            self.ok("skipped")
        else:
            call_command("import_partner_data", stdout=self.stdout)

        self.step("4/4 mail settings")
        if options["skip_mail_test"]:
            self.ok("skipped")
        else:
            self.mail_test(user)
        self.stdout.write(
            self.style.SUCCESS(f"Done. Log in at {settings.SITE_URL}/admin/ as {email}.")
        )

    def step(self, text: str) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(text))

    def ok(self, text: str) -> None:
        self.stdout.write(f"  {text}")

    @transaction.atomic
    def administrator(self, email: str, options):
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User(email=email, name=options["name"] or email.split("@")[0])
            user.set_unusable_password()
        user.is_staff = user.is_superuser = user.is_active = True
        user.preferred_language = options["language"]
        user.save()
        # verified: the first login must not wait for a confirmation mail
        address, _created = EmailAddress.objects.get_or_create(
            user=user, email__iexact=email, defaults={"email": email}
        )
        address.verified = address.primary = True
        address.save()
        return user, created

    def ask_password(self, user) -> str:
        while True:
            first = getpass.getpass("Password: ")
            if first != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ.")
                continue
            try:
                password_validation.validate_password(first, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return first

    def login_link(self, user) -> str:
        """allauth's password-reset link: works once, expires (PASSWORD_RESET_TIMEOUT)."""
        with translation.override(user.preferred_language):
            path = reverse(
                "account_reset_password_from_key",
                kwargs={
                    "uidb36": user_pk_to_url_str(user),
                    "key": default_token_generator.make_token(user),
                },
            )
        return f"{settings.SITE_URL}{path}"

    def mail_test(self, user) -> None:
        backend = settings.EMAIL_BACKEND.rsplit(".", 1)[-1]
        where = (
            f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
            if backend == "EmailBackend"
            else str(settings.EMAIL_FILE_PATH)
        )
        row = mail_enqueue(
            key=f"bootstrap-test:{uuid.uuid4().hex}",
            to=user.email,
            user=user,
            template="weltstadt/test_message",
            language=user.preferred_language,
            context={"sender": "manage.py bootstrap"},
            send=False,
        )
        delivery = outbox_deliver([row.pk])
        row.refresh_from_db()
        if delivery.sent:
            self.ok(f"test mail to {user.email} accepted by {backend} ({where})")
            return
        raise CommandError(
            f"The test mail to {user.email} failed through {backend} ({where}): {row.last_error}. "
            "Check EMAIL_URL and DEFAULT_FROM_EMAIL, then run bootstrap again."
        )
