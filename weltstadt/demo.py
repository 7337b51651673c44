"""Demo content for `make run`: the shipped partner data and one account per role.

Every programme app may add `<app>/demo.py` with `demo_seed() -> list[DemoLogin]`; `seed_demo`
calls them in order. Everything here is idempotent.
"""

import importlib
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation

from weltstadt.accounts import roles
from weltstadt.models import User
from weltstadt.partner_data import partner_data_import

DEMO_PASSWORD = "weltstadt-demo"
PROGRAMME_APPS = ["ambassadors", "offices", "newsletter", "summits", "masterplan"]


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    mfa: bool = False


def demo_user(
    email: str,
    *,
    name: str,
    language: str = "de",
    staff: bool = False,
    superuser: bool = False,
    groups: tuple[str, ...] = (),
) -> User:
    """A demo account with the demo password and a verified address; staff get TOTP."""
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "name": name,
            "preferred_language": language,
            "is_staff": staff or superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    if (
        user.is_staff
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(user, generate_totp_secret())
    return user


STAFF = [
    ("admin@weltstadt.example", "Deniz Aydın", True, (), "superuser"),
    (
        "coordinator@weltstadt.example",
        "Ayşe Kaya",
        False,
        (roles.PROGRAMME_COORDINATOR,),
        roles.PROGRAMME_COORDINATOR,
    ),
    (
        "supervisor@weltstadt.example",
        "Mehmet Öztürk",
        False,
        (roles.OFFICES_SUPERVISOR,),
        roles.OFFICES_SUPERVISOR,
    ),
    (
        "editor@weltstadt.example",
        "Julia Schneider",
        False,
        (roles.BULLETIN_EDITOR,),
        roles.BULLETIN_EDITOR,
    ),
    (
        "organiser@weltstadt.example",
        "Jan Becker",
        False,
        (roles.SUMMIT_ORGANISER,),
        roles.SUMMIT_ORGANISER,
    ),
    (
        "planner@weltstadt.example",
        "Elif Şahin",
        False,
        (roles.MASTERPLAN_EDITOR,),
        roles.MASTERPLAN_EDITOR,
    ),
    # the translator roles: one per target language; the demo shows the Turkish one
    (
        "translator@weltstadt.example",
        "Zeynep Arslan",
        False,
        ("Translator (Türkçe)",),
        "Translator (Türkçe)",
    ),
]


def demo_seed_all() -> list[DemoLogin]:
    # Untranslated text given as `field=...` lands in the active language's column: the demo is
    # written in the default language (German), whichever language the caller has active.
    from search.services import indexing_deferred

    # the search index is rebuilt once at the end, not item by item
    with translation.override(settings.LANGUAGE_CODE), indexing_deferred():
        return _demo_seed_all()


def _demo_seed_all() -> list[DemoLogin]:
    partner_data_import()
    logins = []
    for email, name, superuser, groups, role in STAFF:
        # a translator works in the language she translates into
        language = roles.TRANSLATOR_ROLE_LANGUAGES.get(role, settings.LANGUAGE_CODE)
        demo_user(
            email, name=name, language=language, staff=True, superuser=superuser, groups=groups
        )
        logins.append(DemoLogin(email=email, role=role, mfa=True))
    for app in PROGRAMME_APPS:
        try:
            module = importlib.import_module(f"{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.demo":
                raise
            continue
        logins.extend(module.demo_seed())
    return logins
