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
def test_demo_content_reads_in_all_six_languages_and_its_dates_make_sense(client):
    """Issue 19: nothing of the demo falls back to German on fr/it/es pages; the application
    deadline lies before the programme starts, not after it ends."""
    from weltstadt.demo import demo_seed_all

    demo_seed_all()
    languages = ("de", "tr", "en", "fr", "it", "es")
    for cohort in Cohort.objects.all():
        assert all(getattr(cohort, f"title_{lang}") for lang in languages), cohort
        cohort.full_clean()
    for module in Module.objects.all():
        for field in ("title", "description"):
            texts = [getattr(module, f"{field}_{lang}") for lang in languages]
            assert all(texts), (module, field)
            assert len(set(texts)) == len(texts), texts  # none is a copy of another
    statement = MissionStatement.objects.get()
    for field in ("title", "goals", "signatory_title"):
        texts = [getattr(statement, f"{field}_{lang}") for lang in languages]
        assert all(texts), field
        assert len(set(texts)) >= 5, texts  # tr and en may share a proper name, no more
    open_cohort = Cohort.objects.get(is_open_for_applications=True)
    assert open_cohort.application_deadline < open_cohort.starts_on
    for lang, title in (("fr", "Promotion"), ("it", "Edizione"), ("es", "Promoción")):
        page = client.get(f"/{lang}/ambassadors/").content.decode()
        assert f"{title} {open_cohort.year}" in page
        assert "Jahrgang" not in page


def test_a_deadline_after_the_end_is_refused(cohort):
    import datetime

    from django.core.exceptions import ValidationError

    cohort.application_deadline = cohort.ends_on + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        cohort.full_clean()
    assert "application_deadline" in error.value.message_dict


def test_the_directory_sorts_names_by_the_readers_alphabet(client, cohort):
    for name in ("Zeynep Ak", "Çağla Er", "Cem Ok", "Ömer Can", "Osman Ay", "Deniz Su"):
        AmbassadorFactory(
            cohort=cohort, status="active", public_profile=True, user=UserFactory(name=name)
        )

    def order(language):
        html = client.get(f"/{language}/ambassadors/directory/").content.decode()
        names = ["Zeynep Ak", "Çağla Er", "Cem Ok", "Ömer Can", "Osman Ay", "Deniz Su"]
        return sorted(names, key=html.index)

    # Turkish: C before Ç, O before Ö; German: Ç beside C, Ö beside O
    assert order("tr") == ["Cem Ok", "Çağla Er", "Deniz Su", "Osman Ay", "Ömer Can", "Zeynep Ak"]
    assert order("de") == ["Çağla Er", "Cem Ok", "Deniz Su", "Ömer Can", "Osman Ay", "Zeynep Ak"]


@pytest.mark.django_db
def test_the_programme_pages_are_in_the_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/tr/ambassadors/" in xml
    assert "/de/ambassadors/directory/" in xml
