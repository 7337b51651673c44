import csv
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django_celery_beat.models import PeriodicTask

from summits.models import FollowUpAction, Summit
from summits.services.errors import SummitError
from summits.services.notifications import summit_reminders_send
from summits.services.summit import summit_transition
from tests.factories import CityFactory, UserFactory
from tests.summits.factories import RegistrationFactory, SummitFactory
from weltstadt.accounts import roles
from weltstadt.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_the_check_in_page_finds_a_person_by_qr_content_or_name_and_records_arrival(staff_client):
    summit = SummitFactory()
    izmir = CityFactory(name="İzmir", country="TR")
    ayse = RegistrationFactory(summit=summit, name="Ayşe Yılmaz", city=izmir, role="mayor")
    RegistrationFactory(summit=summit, name="Jörg Brandt", role="press")
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the admin follows the cookie
    url = f"/admin/summits/summit/{summit.pk}/check-in/"
    page = staff_client.get(url, {"q": ayse.qr_content}).content.decode()
    assert "Ayşe Yılmaz" in page
    assert "Jörg Brandt" not in page
    assert "Ayşe Yılmaz" in staff_client.get(url, {"q": "yılmaz"}).content.decode()
    staff_client.post(url, {"registration": ayse.pk})
    ayse.refresh_from_db()
    assert ayse.checked_in_at is not None
    first_arrival = ayse.checked_in_at
    response = staff_client.post(url, {"registration": ayse.pk}, follow=True)
    assert "Already checked in" in response.content.decode()
    ayse.refresh_from_db()
    assert ayse.checked_in_at == first_arrival
    attendance = staff_client.get(f"/admin/summits/summit/{summit.pk}/attendance/").content.decode()
    assert "1 of 2 confirmed participants have arrived" in attendance
    # counts per city and per role (confirmed, arrived)
    assert "<td>İzmir</td><td>1</td><td>1</td>" in attendance
    assert "<td>no city</td><td>1</td><td>0</td>" in attendance
    assert "<td>Mayor</td><td>1</td><td>1</td>" in attendance
    assert "<td>Press</td><td>1</td><td>0</td>" in attendance


def test_waiting_people_cannot_be_checked_in(staff_client):
    waiting = RegistrationFactory(status="waiting", waiting_position=1)
    staff_client.post(
        f"/admin/summits/summit/{waiting.summit_id}/check-in/", {"registration": waiting.pk}
    )
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def test_a_summit_organiser_uses_the_check_in_but_a_member_does_not(client):
    summit = SummitFactory()
    organiser = UserFactory(email="org@example.org", is_staff=True)
    organiser.groups.add(Group.objects.get(name=roles.SUMMIT_ORGANISER))
    TOTP.activate(organiser, generate_totp_secret())
    client.force_login(organiser)
    assert client.get(f"/admin/summits/summit/{summit.pk}/check-in/").status_code == 200
    outsider = Client()
    outsider.force_login(UserFactory(email="member@example.org"))
    response = outsider.get(f"/admin/summits/summit/{summit.pk}/check-in/")
    assert response.status_code == 302


def test_csv_export_holds_participants_with_turkish_letters(staff_client):
    summit = SummitFactory()
    RegistrationFactory(summit=summit, name="Şule Öztürk", city=CityFactory(name="Çiğli"))
    RegistrationFactory(summit=summit, name="Gone", status="cancelled")
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = staff_client.get(f"/admin/summits/summit/{summit.pk}/participants.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][1:4] == ["Şule Öztürk", rows[1][2], "Çiğli"]
    registrations = staff_client.post(
        "/admin/summits/registration/",
        {
            "action": "export_csv",
            "_selected_action": list(summit.registrations.values_list("pk", flat=True)),
        },
    )
    assert registrations["Content-Type"].startswith("text/csv")


def test_the_registration_admin_filters_by_city_role_and_status(staff_client):
    izmir = CityFactory(name="İzmir", country="TR")
    RegistrationFactory(name="Ayşe", role="mayor", city=izmir)
    RegistrationFactory(name="Jörg", role="press", status="waiting", waiting_position=1)
    for query in ["status__exact=confirmed", "role__exact=mayor", f"city__id__exact={izmir.pk}",
                  "q=Ayşe"]:  # fmt: skip
        response = staff_client.get(f"/admin/summits/registration/?{query}")
        assert response.status_code == 200
        assert "Ayşe" in response.content.decode()
        assert "Jörg" not in response.content.decode(), query


def test_bulk_mail_goes_through_the_outbox_once_in_each_language(staff_client, run_on_commit):
    summit = SummitFactory(title_de="Gipfel", title_tr="Zirve")
    RegistrationFactory(summit=summit, email="de@example.org", language="de")
    RegistrationFactory(summit=summit, email="tr@example.org", language="tr")
    RegistrationFactory(
        summit=summit, email="wait@example.org", status="waiting", waiting_position=1
    )
    data = {"subject": "Anreise", "body": "Bitte bringen Sie Ihren Ausweis mit.",
            "statuses": ["confirmed"], "message_id": "abc123"}  # fmt: skip
    url = f"/admin/summits/summit/{summit.pk}/message/"
    with run_on_commit():
        staff_client.post(url, data)
    with run_on_commit():
        staff_client.post(url, data)  # a resubmitted form sends nothing twice
    rows = OutgoingMail.objects.filter(template="summits/message")
    assert sorted(rows.values_list("to", "language")) == [
        ("de@example.org", "de"),
        ("tr@example.org", "tr"),
    ]
    assert len(mail.outbox) == 2
    assert all("Bitte bringen Sie Ihren Ausweis mit." in m.body for m in mail.outbox)


def test_the_summit_moves_only_along_its_life_cycle(staff_user):
    summit = SummitFactory(status=Summit.Status.DRAFT)
    with pytest.raises(SummitError):
        summit_transition(summit=summit, to=Summit.Status.HELD, by=staff_user)
    for status in ["open", "closed", "held", "archived"]:
        summit_transition(summit=summit, to=status, by=staff_user)
        summit.refresh_from_db()
        assert summit.status == status
        assert summit.status_changed_by == staff_user


def test_admin_actions_change_status_and_follow_ups(staff_client):
    summit = SummitFactory(status=Summit.Status.DRAFT)
    staff_client.post(
        "/admin/summits/summit/", {"action": "make_open", "_selected_action": [summit.pk]}
    )
    summit.refresh_from_db()
    assert summit.status == "open"
    action = FollowUpAction.objects.create(
        summit=summit, what_de="Handbuch", owner_city=summit.host_city
    )
    staff_client.post(
        "/admin/summits/followupaction/", {"action": "mark_done", "_selected_action": [action.pk]}
    )
    action.refresh_from_db()
    assert action.status == "done"
    assert action.status_changed_at is not None


def test_reminders_go_once_to_confirmed_participants_a_few_days_before(run_on_commit):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    soon = SummitFactory(start_date=today + timedelta(days=2), end_date=today + timedelta(days=3))
    later = SummitFactory(
        start_date=today + timedelta(days=20), end_date=today + timedelta(days=21)
    )
    RegistrationFactory(summit=soon, email="go@example.org", language="tr")
    RegistrationFactory(summit=soon, email="wait@example.org", status="waiting", waiting_position=1)
    RegistrationFactory(summit=later, email="later@example.org")
    with run_on_commit():
        assert summit_reminders_send(today=today) == 1
    with run_on_commit():
        assert summit_reminders_send(today=today) == 0
    assert [m.to for m in mail.outbox] == [["go@example.org"]]
    assert OutgoingMail.objects.get(template="summits/reminder").language == "tr"


def test_the_reminder_is_scheduled_with_celery_beat():
    task = PeriodicTask.objects.get(task="summits.tasks.mail_summit_reminders")
    assert task.enabled
    assert task.interval is not None


def test_the_participants_csv_is_safe_sorted_and_in_the_summits_local_time(staff_client):
    from datetime import UTC, datetime

    from weltstadt.exports import read_csv_back

    summit = SummitFactory(time_zone="Europe/Berlin", slug="bremen")
    evil = '=HYPERLINK("http://evil.example","Klick")'
    for name in ["Zeynep", "Şule", "Ömer", "İlkay", "Ahmet", evil]:
        RegistrationFactory(summit=summit, name=name)
    arrived = summit.registrations.get(name="Ahmet")
    arrived.checked_in_at = datetime(2027, 4, 22, 7, 5, 31, 123456, tzinfo=UTC)
    arrived.save()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    response = staff_client.get(f"/admin/summits/summit/{summit.pk}/participants.csv")
    rows = read_csv_back(response.content, "tr")
    body = rows[1:]
    names = [row[1] for row in body]
    assert "'" + evil in names  # a spreadsheet shows the text, it does not run a formula
    assert not any(str(cell).startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    # Turkish alphabet: A, İ (after I), Ö (after O), Ş (after S), Z
    assert [n for n in names if not n.startswith("'")] == [
        "Ahmet",
        "İlkay",
        "Ömer",
        "Şule",
        "Zeynep",
    ]
    ahmet = body[names.index("Ahmet")]
    assert "2027-04-22 09:05" in ahmet  # Bremen's summer time, no seconds, no microseconds


def test_scanning_a_badge_checks_in_at_once_and_a_second_scan_warns_full_screen(staff_client):
    summit = SummitFactory(time_zone="Europe/Berlin")
    ayse = RegistrationFactory(summit=summit, name="Ayşe Yılmaz")
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = f"/admin/summits/summit/{summit.pk}/check-in/"
    # some scanners send lower case: "wsum:…"
    response = staff_client.post(url, {"q": ayse.qr_content.lower()}, follow=True)
    ayse.refresh_from_db()
    assert ayse.checked_in_at is not None  # no second click needed
    page = response.content.decode()
    assert 'class="checkin-alert checkin-alert-arrived"' in page
    assert "Ayşe Yılmaz" in page
    first = ayse.checked_in_at
    again = staff_client.post(url, {"q": ayse.qr_content}, follow=True).content.decode()
    assert 'class="checkin-alert checkin-alert-already"' in again
    assert "Already checked in" in again
    # the time of arrival in the summit's own zone (Berlin), not the server's (İzmir)
    local = first.astimezone(summit.tz)
    assert f"{local:%H:%M}" in again or f"{local:%-H:%M}" in again
    ayse.refresh_from_db()
    assert ayse.checked_in_at == first
    # a name typed into the field lists people instead of checking anyone in
    listing = staff_client.post(url, {"q": "yilmaz"}, follow=True).content.decode()
    assert "checkin-alert" not in listing
    assert "Ayşe Yılmaz" in listing


@pytest.mark.parametrize(
    ("typed", "found"),
    [("çağrı", "Çağrı Demir"), ("ÇAĞRI", "Çağrı Demir"), ("cagri", "Çağrı Demir"),
     ("ipek", "İpek Aydın"), ("IPEK", "İpek Aydın"), ("kilic", "Emre Kılıç"),
     ("KILIÇ", "Emre Kılıç")],
)  # fmt: skip
def test_the_check_in_search_folds_turkish_case_and_diacritics(staff_client, typed, found):
    summit = SummitFactory()
    for name in ["Çağrı Demir", "İpek Aydın", "Emre Kılıç", "Jörg Brandt"]:
        RegistrationFactory(summit=summit, name=name)
    page = staff_client.get(
        f"/admin/summits/summit/{summit.pk}/check-in/", {"q": typed}
    ).content.decode()
    listed = [n for n in ["Çağrı Demir", "İpek Aydın", "Emre Kılıç", "Jörg Brandt"] if n in page]
    assert listed == [found]


def test_the_summits_admin_search_folds_turkish_spellings(staff_client):
    summit = SummitFactory()
    RegistrationFactory(summit=summit, name="Emre Kılıç")
    RegistrationFactory(summit=summit, name="Jörg Brandt")
    page = staff_client.get("/admin/summits/registration/", {"q": "kilic"}).content.decode()
    assert "Emre Kılıç" in page
    assert "Jörg Brandt" not in page


def test_back_office_times_of_a_bremen_summit_are_bremen_times(staff_client):
    from datetime import datetime

    from tests.summits.factories import SessionFactory

    bremen = CityFactory(name="Bremen", country="DE")
    summit = SummitFactory(host_city=bremen, time_zone="")
    assert summit.time_zone == "Europe/Berlin"  # from the host city
    assert SummitFactory(
        host_city=CityFactory(name="İzmir", country="TR"), time_zone=""
    ).time_zone == ("Europe/Istanbul")
    summit.registration_opens_at = datetime(2026, 3, 1, 10, 0, tzinfo=summit.tz)
    summit.save()
    session = SessionFactory(
        summit=summit,
        starts_at=datetime(2027, 4, 22, 9, 30, tzinfo=summit.tz),
        ends_at=datetime(2027, 4, 22, 10, 30, tzinfo=summit.tz),
    )
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = staff_client.get(f"/admin/summits/summit/{summit.pk}/change/").content.decode()
    assert 'value="10:00:00"' in page  # not 12:00, İzmir's time
    page = staff_client.get(f"/admin/summits/session/{session.pk}/change/").content.decode()
    assert 'value="09:30:00"' in page
    listing = staff_client.get("/admin/summits/session/").content.decode()
    assert "9:30" in listing
    assert "(Europe/Berlin)" in listing


def test_badges_render_in_the_background_with_a_progress_page(
    staff_client, run_on_commit, django_capture_on_commit_callbacks
):
    summit = SummitFactory()
    for n in range(3):
        RegistrationFactory(summit=summit, name=f"Person {n}")
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = {"action": "render_badges", "_selected_action": [summit.pk]}
    with django_capture_on_commit_callbacks() as callbacks:
        response = staff_client.post("/admin/summits/summit/", data)
    # the request only enqueues: nothing is rendered yet, the organiser sees the progress page
    progress_url = f"/admin/summits/summit/{summit.pk}/badges/progress/"
    assert response.status_code == 302
    assert response["Location"] == progress_url
    assert len(callbacks) == 1
    summit.refresh_from_db()
    assert not summit.badges_pdf
    page = staff_client.get(progress_url).content.decode()
    assert 'id="badge-progress"' in page
    status = staff_client.get(f"/admin/summits/summit/{summit.pk}/badges/progress.json").json()
    assert status == {"total": 3, "rendered": 0, "percent": 0, "done": False}
    with run_on_commit():
        callbacks[0]()  # the worker runs the task (eagerly here)
    status = staff_client.get(f"/admin/summits/summit/{summit.pk}/badges/progress.json").json()
    assert status == {"total": 3, "rendered": 3, "percent": 100, "done": True}
    assert "Done: every badge" in staff_client.get(progress_url).content.decode()
