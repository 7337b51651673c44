import pytest

from tests.ambassadors.factories import AmbassadorFactory, CohortFactory, ModuleFactory


@pytest.fixture
def cohort(db):
    return CohortFactory(title="Cohort 2026")


@pytest.fixture
def modules(cohort):
    return [
        ModuleFactory(cohort=cohort, title="City diplomacy basics", order=1),
        ModuleFactory(cohort=cohort, title="Project in your city", kind="implementation", order=2),
        ModuleFactory(cohort=cohort, title="Optional study trip", required=False, order=3),
    ]


@pytest.fixture
def alice_ambassador(alice, cohort, modules):
    return AmbassadorFactory(user=alice, cohort=cohort)


@pytest.fixture
def bob_ambassador(bob):
    """An ambassador of another cohort: none of alice's records are his."""
    other = CohortFactory(title="Cohort 2025", year=2025)
    ModuleFactory(cohort=other, kind="implementation")
    return AmbassadorFactory(user=bob, cohort=other)
