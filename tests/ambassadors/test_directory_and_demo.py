import pytest

from ambassadors.models import Ambassador, Cohort, MissionStatement, Module
from tests.ambassadors.factories import AmbassadorFactory
from tests.factories import UserFactory


def test_the_directory_shows_only_active_ambassadors_who_opted_in(client, cohort):
    AmbassadorFactory(
        cohort=cohort,
        status="active",
        public_profile=True,
        country="AT",
        field="media",
        bio="Journalist in Wien.",
        user=UserFactory(name="Visible Person"),
    )
    AmbassadorFactory(
        cohort=cohort, status="active", public_profile=False, user=UserFactory(name="Private One")
    )
    AmbassadorFactory(
        cohort=cohort,
        status="candidate",
        public_profile=True,
        user=UserFactory(name="Candidate Two"),
    )
    AmbassadorFactory(
        cohort=cohort,
        status="active",
        public_profile=True,
        user=UserFactory(name="Deactivated Three", is_active=False),
    )
    html = client.get("/en/ambassadors/directory/").content.decode()
    assert "Visible Person" in html
    assert "Journalist in Wien." in html
    for hidden in ("Private One", "Candidate Two", "Deactivated Three"):
        assert hidden not in html
    assert "Visible Person" in client.get("/en/ambassadors/directory/?country=at").content.decode()
    assert (
        "Visible Person" not in client.get("/en/ambassadors/directory/?country=DE").content.decode()
    )
    assert (
        "Visible Person"
        not in client.get("/en/ambassadors/directory/?field=business").content.decode()
    )
    # nonsense filters and pages are ignored, not errors
    response = client.get("/en/ambassadors/directory/?country=XX&field=<b>&page=abc")
    assert response.status_code == 200
    assert "Visible Person" in response.content.decode()


@pytest.mark.django_db
def test_demo_content_is_idempotent_and_covers_every_stage():
    from weltstadt.demo import demo_seed_all

    demo_seed_all()
    demo_seed_all()
    assert Cohort.objects.filter(is_open_for_applications=True).count() == 1
    statuses = set(Ambassador.objects.values_list("status", flat=True))
    assert statuses == {"active", "candidate"}
    assert Ambassador.objects.filter(user__email="ambassador@weltstadt.example").count() == 1
    statement = MissionStatement.objects.get()
    assert statement.status == "published"
    assert statement.signature
    assert statement.goals_de
    assert statement.goals_tr
    # the modules read in German and Turkish, not only in English
    modules = Module.objects.all()
    assert modules.filter(kind="implementation").exists()
    assert all(m.title_tr and m.description_de and m.description_tr for m in modules)


@pytest.mark.django_db
def test_the_programme_pages_are_in_the_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/tr/ambassadors/" in xml
    assert "/de/ambassadors/directory/" in xml
