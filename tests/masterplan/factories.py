from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from masterplan.models import (
    ExpertInvitation,
    Indicator,
    Objective,
    Plan,
    PriorityArea,
    Strategy,
    Workshop,
)


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Plan {n}")
    title_de = factory.SelfAttribute("title")


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = PriorityArea

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"A{n}")
    title = factory.Sequence(lambda n: f"Area {n}")
    title_de = factory.SelfAttribute("title")
    priority_question = "What matters most?"
    position = factory.Sequence(lambda n: n)


class StrategyFactory(DjangoModelFactory):
    class Meta:
        model = Strategy

    area = factory.SubFactory(AreaFactory)
    code = factory.Sequence(lambda n: f"S{n}")
    title = factory.Sequence(lambda n: f"Strategy {n}")
    title_de = factory.SelfAttribute("title")


class ObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = Objective

    strategy = factory.SubFactory(StrategyFactory)
    code = factory.Sequence(lambda n: f"O{n}")
    title = factory.Sequence(lambda n: f"Objective {n}")
    title_de = factory.SelfAttribute("title")


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    objective = factory.SubFactory(ObjectiveFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    name_de = factory.SelfAttribute("name")
    unit = "n"
    unit_de = "n"
    baseline_year = 2019
    baseline_value = Decimal("0")
    weight = Decimal("1")


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = ExpertInvitation

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Expert {n}")
    affiliation = "University"
    field = "International relations"
    email = factory.Sequence(lambda n: f"expert{n}@example.org")
    language = "en"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


class WorkshopFactory(DjangoModelFactory):
    class Meta:
        model = Workshop

    plan = factory.SubFactory(PlanFactory)
    title = "Workshop"
    title_de = "Workshop"
    date = factory.LazyFunction(lambda: timezone.localdate())
    place = "İzmir"
    facilitators = "A, B"


def indicator_with(objective, *, baseline, targets, measurements, direction="up", **kwargs):
    """An indicator with targets {year: value} and measurements {year: value}."""
    indicator = IndicatorFactory(
        objective=objective,
        baseline_value=Decimal(str(baseline)),
        direction=direction,
        **kwargs,
    )
    for year, value in targets.items():
        indicator.targets.create(year=year, value=Decimal(str(value)))
    for year, value in measurements.items():
        indicator.measurements.create(year=year, value=Decimal(str(value)), source="test")
    return indicator


def adopt(plan):
    from masterplan.services.plan import plan_status_change

    plan_status_change(plan=plan, to=Plan.Status.CONSULTATION, by=None, summary="c")
    plan_status_change(plan=plan, to=Plan.Status.ADOPTED, by=None, summary="a")
    return plan
