from datetime import date, datetime, timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from summits.models import Registration, Session, Speaker, Summit, Theme
from tests.factories import CityFactory


class SummitFactory(DjangoModelFactory):
    class Meta:
        model = Summit

    edition = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"summit-{n}")
    title = factory.Sequence(lambda n: f"Partner-city summit {n}")
    title_de = factory.SelfAttribute("title")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=1))
    time_zone = "Europe/Berlin"
    host_city = factory.SubFactory(CityFactory, name="Bremen", latitude=53.08, longitude=8.8)
    venue = "Rathaus Bremen"
    capacity = 10
    waiting_list_capacity = 5
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    registration_closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    status = Summit.Status.OPEN


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Theme {n}")


class SpeakerFactory(DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    city = factory.SubFactory(CityFactory)


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    summit = factory.SubFactory(SummitFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(
        lambda o: (
            datetime.combine(o.summit.start_date, datetime.min.time(), o.summit.tz)
            + timedelta(hours=9)
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    room = "Saal A"
    track = factory.SubFactory(ThemeFactory)
    language = "de"


class RegistrationFactory(DjangoModelFactory):
    """A registration written directly (no mail, no capacity check): for lists and counts."""

    class Meta:
        model = Registration

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    role = Registration.Role.STAFF
    language = "de"
    status = Registration.Status.CONFIRMED


def past_dates() -> dict:
    start = date.today() - timedelta(days=60)
    return {
        "start_date": start,
        "end_date": start + timedelta(days=1),
        "registration_opens_at": timezone.now() - timedelta(days=120),
        "registration_closes_at": timezone.now() - timedelta(days=70),
    }
