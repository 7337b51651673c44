import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ambassadors.models import (
    Activity,
    Ambassador,
    Application,
    Cohort,
    Evidence,
    MissionStatement,
    Module,
    PersonalGoal,
)
from tests.factories import UserFactory


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort

    year = 2026
    title = factory.Sequence(lambda n: f"Cohort 2026/{n}")
    starts_on = datetime.date(2026, 3, 1)
    ends_on = datetime.date(2026, 12, 15)
    application_deadline = datetime.date(2026, 12, 31)
    is_open_for_applications = True


class ModuleFactory(DjangoModelFactory):
    class Meta:
        model = Module

    cohort = factory.SubFactory(CohortFactory)
    kind = Module.Kind.TRAINING
    title = factory.Sequence(lambda n: f"Module {n}")
    provider = "İZTO"
    required = True
    order = factory.Sequence(lambda n: n)


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    language = "de"
    country = "DE"
    city = "Bremen"
    field = "business"
    languages = "Deutsch, Türkçe"
    connection = "Born in Karşıyaka."
    motivation = "I want to bring İzmir's companies and Bremen's together. " * 2
    consented_at = factory.LazyFunction(timezone.now)


class AmbassadorFactory(DjangoModelFactory):
    class Meta:
        model = Ambassador

    user = factory.SubFactory(UserFactory)
    cohort = factory.SubFactory(CohortFactory)
    country = "DE"
    city = "Bremen"
    field = "business"


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    ambassador = factory.SubFactory(AmbassadorFactory)
    module = factory.SubFactory(
        ModuleFactory,
        cohort=factory.SelfAttribute("..ambassador.cohort"),
        kind=Module.Kind.IMPLEMENTATION,
    )
    text = "I organised a meeting with the chamber of commerce."


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    ambassador = factory.SubFactory(AmbassadorFactory)
    date = datetime.date(2026, 5, 4)
    kind = Activity.Kind.MEETING
    city = "Bremen"
    country = "DE"
    description = "Met the Bremen–İzmir friendship association."
    people_reached = 25


class MissionStatementFactory(DjangoModelFactory):
    class Meta:
        model = MissionStatement

    year = 2026
    title = "Mission statement 2026"
    goals = "Bring one investor to İzmir.\nPresent İzmir at one event."
    signatory_name = "Cemil Tugay"
    signatory_title = "Mayor of İzmir"
    handover_date = datetime.date(2026, 4, 23)


class PersonalGoalFactory(DjangoModelFactory):
    class Meta:
        model = PersonalGoal

    ambassador = factory.SubFactory(AmbassadorFactory)
    year = 2026
    text = "Organise a İzmir evening in Bremen."
