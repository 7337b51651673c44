"""Acceptance 3: the directory and the staff lists make as many queries for 3 as for 300."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ambassadors.models import (
    Activity,
    Ambassador,
    Application,
    Evidence,
    ModuleCompletion,
    PersonalGoal,
)
from tests.ambassadors.factories import CohortFactory, MissionStatementFactory, ModuleFactory
from weltstadt.models import User


def _populate(count: int, *, start: int) -> None:
    cohort = CohortFactory()
    training = ModuleFactory(cohort=cohort)
    project = ModuleFactory(cohort=cohort, kind="implementation")
    users = User.objects.bulk_create(
        User(email=f"a{start + i}@example.org", name=f"Ambassador {start + i:04d}")
        for i in range(count)
    )
    users = list(User.objects.filter(email__in=[u.email for u in users]))
    applications = Application.objects.bulk_create(
        Application(
            cohort=cohort,
            name=u.name,
            email=u.email,
            language="de",
            country="DE" if i % 2 else "TR",
            city="Bremen",
            field="business",
            languages="de",
            connection="x",
            motivation="y",
            consented_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
        for i, u in enumerate(users)
    )
    ambassadors = Ambassador.objects.bulk_create(
        Ambassador(
            user=u,
            cohort=cohort,
            status="active",
            public_profile=True,
            country="DE" if i % 2 else "TR",
            city="Bremen",
            field="culture",
            bio="Bio",
        )
        for i, u in enumerate(users)
    )
    ambassadors = list(Ambassador.objects.filter(cohort=cohort))
    ModuleCompletion.objects.bulk_create(
        ModuleCompletion(ambassador=a, module=training, completed_on=datetime.date(2026, 5, 1))
        for a in ambassadors
    )
    Evidence.objects.bulk_create(
        Evidence(ambassador=a, module=project, text="done") for a in ambassadors
    )
    Activity.objects.bulk_create(
        Activity(
            ambassador=a,
            date=datetime.date(2026, 5, 1),
            kind="event",
            city="Bremen",
            country="DE",
            description="x",
        )
        for a in ambassadors
    )
    PersonalGoal.objects.bulk_create(
        PersonalGoal(ambassador=a, year=2026, text="goal") for a in ambassadors
    )
    assert len(applications) == count


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


STAFF_LISTS = [
    "/admin/ambassadors/application/",
    "/admin/ambassadors/application/?status__exact=submitted&q=Ambassador",
    "/admin/ambassadors/ambassador/",
    "/admin/ambassadors/ambassador/?status__exact=active&country=DE&q=Ambassador",
    "/admin/ambassadors/ambassador/?o=-5",  # sorted by the progress column
    "/admin/ambassadors/modulecompletion/",
    "/admin/ambassadors/evidence/",
    "/admin/ambassadors/activity/",
    "/admin/ambassadors/personalgoal/",
    "/admin/ambassadors/missionstatement/statistics/2026/",
]


@pytest.mark.django_db
def test_directory_queries_do_not_grow_with_ambassadors(client):
    _populate(3, start=0)
    few = _count(client, "/de/ambassadors/directory/")
    few_filtered = _count(client, "/de/ambassadors/directory/?country=DE&field=culture")
    _populate(297, start=3)
    assert Ambassador.objects.filter(public_profile=True).count() == 300
    assert _count(client, "/de/ambassadors/directory/") == few
    assert _count(client, "/de/ambassadors/directory/?country=DE&field=culture") == few_filtered
    html = client.get("/de/ambassadors/directory/?page=2").content.decode()
    assert "Ambassador 0024" in html


@pytest.mark.django_db
def test_staff_lists_queries_do_not_grow_with_ambassadors(staff_client):
    MissionStatementFactory(year=2026, status="published")
    _populate(3, start=0)
    few = {url: _count(staff_client, url) for url in STAFF_LISTS}
    _populate(297, start=3)
    many = {url: _count(staff_client, url) for url in STAFF_LISTS}
    assert many == few
