import datetime
import importlib

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from factory.django import DjangoModelFactory

from offices.models import ActivityReport, BoardMember, Office
from tests.factories import CityFactory, UserFactory
from weltstadt.accounts.roles import OFFICES_SUPERVISOR


class OfficeFactory(DjangoModelFactory):
    class Meta:
        model = Office

    name = factory.Sequence(lambda n: f"İzmir Office {n}")
    slug = factory.Sequence(lambda n: f"office-{n}")
    city = factory.SubFactory(CityFactory)
    country = "DE"
    status = Office.Status.ACTIVE
    address = "Marktplatz 1"
    email = factory.Sequence(lambda n: f"office{n}@example.org")


class BoardMemberFactory(DjangoModelFactory):
    class Meta:
        model = BoardMember

    office = factory.SubFactory(OfficeFactory)
    name = factory.Faker("name")
    role = BoardMember.Role.MEMBER
    appointed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    term_ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=700))


class ActivityReportFactory(DjangoModelFactory):
    class Meta:
        model = ActivityReport

    office = factory.SubFactory(OfficeFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 3, 31)
    highlight = "A fine evening"
    highlight_published = True


def supervisor_group() -> Group:
    """The role as the data migration made it. A transactional test (browser, worker) empties the
    tables after it ran, migrated rows included: the next one finds no group and makes it anew."""
    group, created = Group.objects.get_or_create(name=OFFICES_SUPERVISOR)
    if created:
        migration = importlib.import_module(
            "offices.migrations.0002_supervisor_role_and_reminder_schedule"
        )
        codenames = [
            f"{action}_{model}"
            for model in migration.MODELS
            for action in ("add", "change", "delete", "view")
        ]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="offices", codename__in=codenames)
        )
    return group


def supervisor_user(email: str = "supervisor@example.org", **kwargs):
    """A staff user in the Offices supervisor role, with TOTP (as staff need for /admin/)."""
    user = UserFactory(email=email, is_staff=True, **kwargs)
    user.groups.add(supervisor_group())
    TOTP.activate(user, generate_totp_secret())
    return user
