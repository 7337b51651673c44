from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from summits.models import Declaration, FollowUpAction, Summit
from tests.factories import CityFactory
from tests.summits.factories import (
    RegistrationFactory,
    SessionFactory,
    SpeakerFactory,
    SummitFactory,
    past_dates,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["de", "tr", "en", "fr", "it", "es"]


def test_the_index_lists_upcoming_and_past_summits_but_no_drafts(client):
    SummitFactory(title_de="Gipfel Bremen", title_tr="Bremen Zirvesi")
    SummitFactory(title_de="Gipfel İzmir", status=Summit.Status.HELD, **past_dates())
    SummitFactory(title_de="Entwurf", status=Summit.Status.DRAFT)
    page = client.get("/de/summits/").content.decode()
    assert page.index("Gipfel Bremen") < page.index("Gipfel İzmir")
    assert "Entwurf" not in page
    assert "Bremen Zirvesi" in client.get("/tr/summits/").content.decode()


def test_every_summit_page_answers_in_all_six_languages(client):
    summit = SummitFactory(slug="bremen")
    SessionFactory(summit=summit)
    for language in LANGUAGES:
        for path in ["", "bremen/", "bremen/programme/", "bremen/register/",
                     "bremen/register/delegation/"]:  # fmt: skip
            response = client.get(f"/{language}/summits/{path}")
            assert response.status_code == 200, (language, path)


def test_a_draft_summit_is_not_public(client):
    SummitFactory(slug="secret", status=Summit.Status.DRAFT)
    assert client.get("/de/summits/secret/").status_code == 404
    assert client.get("/de/summits/secret/calendar.ics").status_code == 404


def test_the_summit_page_shows_programme_speakers_cities_and_outcomes(client):
    summit = SummitFactory(slug="izmir-2025", status=Summit.Status.HELD, **past_dates())
    speaker = SpeakerFactory(name="Çağla Yıldız")
    session = SessionFactory(summit=summit, title_de="Jugendräte im Austausch")
    session.speakers.add(speaker)
    neukoelln = CityFactory(name="Berlin-Neukölln")
    summit.delegations.create(city=neukoelln, head_name="H", head_email="h@example.org",
                              head_language="de")  # fmt: skip
    Declaration.objects.create(summit=summit, title_de="İzmir-Erklärung", text_de="Wir erklären.",
                               adopted_on=summit.end_date)  # fmt: skip
    FollowUpAction.objects.create(
        summit=summit,
        what_de="Jugendbegegnung",
        owner_city=neukoelln,
        due_date=date(2027, 1, 1),
        status=FollowUpAction.Status.DONE,
    )
    page = client.get("/de/summits/izmir-2025/").content.decode()
    for text in ["Jugendräte im Austausch", "Çağla Yıldız", "Berlin-Neukölln", "İzmir-Erklärung",
                 "Wir erklären.", "Jugendbegegnung", "badge-done", "map-marker"]:  # fmt: skip
        assert text in page, text
    assert "Register" not in page  # no registration for a held summit


def test_the_programme_groups_sessions_by_day_in_the_summits_time_zone(client):
    summit = SummitFactory(slug="s", time_zone="Europe/Istanbul", start_date=date(2027, 4, 22),
                           end_date=date(2027, 4, 23))  # fmt: skip
    tz = summit.tz
    # 00:30 in İzmir is still the previous day in UTC: it belongs to the 23rd.
    late = datetime(2027, 4, 23, 0, 30, tzinfo=tz)
    SessionFactory(
        summit=summit, title_de="Spät", starts_at=late, ends_at=late + timedelta(hours=1)
    )
    SessionFactory(summit=summit, title_de="Früh", starts_at=datetime(2027, 4, 22, 9, tzinfo=tz),
                   ends_at=datetime(2027, 4, 22, 10, tzinfo=tz))  # fmt: skip
    page = client.get("/de/summits/s/programme/").content.decode()
    assert page.count('class="programme-day"') == 2
    assert page.index("Früh") < page.index("23.") < page.index("Spät")
    assert "00:30" in page
    assert "09:00" in page


def _programme_queries(client, slug, sessions):
    summit = SummitFactory(slug=slug)
    speakers = [SpeakerFactory() for _ in range(3)]
    start = datetime.combine(summit.start_date, datetime.min.time(), summit.tz)
    for i in range(sessions):
        session = SessionFactory(summit=summit, starts_at=start + timedelta(hours=i),
                                 ends_at=start + timedelta(hours=i, minutes=45))  # fmt: skip
        session.speakers.set(speakers[: 1 + i % 3])
        RegistrationFactory(summit=summit)
    with CaptureQueriesContext(connection) as programme:
        assert client.get(f"/de/summits/{slug}/programme/").status_code == 200
    with CaptureQueriesContext(connection) as detail:
        assert client.get(f"/de/summits/{slug}/").status_code == 200
    return len(programme), len(detail)


def test_the_programme_page_makes_the_same_number_of_queries_for_5_and_80_sessions(client):
    assert _programme_queries(client, "few", 5) == _programme_queries(client, "many", 80)


def test_the_sitemap_lists_public_summits_in_every_language(client):
    SummitFactory(slug="bremen-2027")
    SummitFactory(slug="hidden", status=Summit.Status.DRAFT)
    content = client.get("/sitemap.xml").content.decode()
    assert "/tr/summits/bremen-2027/" in content
    assert "/de/summits/" in content
    assert "hidden" not in content


def test_a_full_summit_says_so_before_anyone_fills_in_the_form(client):
    from summits.services.registration import Participant, registration_create

    summit = SummitFactory(slug="voll", capacity=1, waiting_list_capacity=1)
    registration_create(summit=summit, participant=Participant("A", "a@example.org", "staff", "en"))
    page = client.get("/en/summits/voll/").content.decode()
    assert "Waiting list only" in page
    assert "Open for registration" not in page
    assert "waiting list only" in client.get("/en/summits/voll/register/").content.decode()
    registration_create(summit=summit, participant=Participant("B", "b@example.org", "staff", "en"))
    page = client.get("/en/summits/voll/").content.decode()
    assert "Fully booked" in page
    assert "Open for registration" not in page
    assert "/en/summits/voll/register/" not in page
    for path in ["/en/summits/voll/register/", "/en/summits/voll/register/delegation/"]:
        form_page = client.get(path).content.decode()
        assert "Fully booked" in form_page
        assert 'name="role"' not in form_page
        assert 'name="head_email"' not in form_page


def test_registering_for_a_summit_and_logging_in_are_different_words_in_german(client):
    from django.utils import translation
    from django.utils.translation import gettext, pgettext

    SummitFactory(slug="bremen")
    with translation.override("de"):
        login = gettext("Log in")
        register = pgettext("summit registration", "Register")
    assert register == "Registrieren"
    assert register != login
    page = client.get("/de/summits/bremen/").content.decode()
    assert f">{register}</a>" in page
    assert f">{login}</a>" not in page.split("<main", 1)[1]
