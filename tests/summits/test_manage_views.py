from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from summits.models import Delegation, Registration
from summits.services.registration import Participant, registration_create
from tests.factories import CityFactory
from tests.summits.factories import SummitFactory

pytestmark = pytest.mark.django_db


def _form(**extra):
    return {"name": "Ayşe Kaya", "email": "ayse@example.org", "role": "expert", "language": "tr",
            "needs": "", **extra}  # fmt: skip


def test_a_person_registers_and_lands_on_their_own_page(client, run_on_commit):
    SummitFactory(slug="s")
    with run_on_commit():
        response = client.post("/de/summits/s/register/", _form(), follow=True)
    registration = Registration.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"/registration/{registration.manage_token}/")
    assert registration.status == "confirmed"
    assert len(mail.outbox) == 1
    assert registration.manage_token in mail.outbox[0].body


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("closed", "Registration for this summit is closed."),
        ("full", "fully booked"),
        ("duplicate", "already registered"),
    ],
)
def test_bad_registrations_get_a_clear_message_and_change_nothing(client, setup, message):
    summit = SummitFactory(slug="s", capacity=1, waiting_list_capacity=0)
    if setup == "closed":
        summit.registration_closes_at = timezone.now() - timedelta(seconds=1)
        summit.save()
    else:
        email = "AYSE@example.org" if setup == "duplicate" else "other@example.org"
        registration_create(summit=summit, participant=Participant("X", email, "staff", "de"))
    before = list(Registration.objects.values_list("pk", "status"))
    response = client.post("/en/summits/s/register/", _form())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(Registration.objects.values_list("pk", "status")) == before


def test_a_registration_form_after_closing_says_so(client):
    SummitFactory(slug="s", registration_closes_at=timezone.now() - timedelta(seconds=1))
    assert "Registration is closed" in client.get("/en/summits/s/register/").content.decode()


def test_invalid_form_input_changes_nothing(client):
    SummitFactory(slug="s")
    response = client.post("/en/summits/s/register/", _form(email="not-an-address", role="king"))
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_a_changed_link_token_gets_a_clear_message_and_changes_nothing(client):
    summit = SummitFactory()
    registration = registration_create(
        summit=summit, participant=Participant("Ayşe", "a@example.org", "staff", "de")
    )
    changed = registration.manage_token[:-1] + (
        "A" if registration.manage_token[-1] != "A" else "B"
    )
    for path in [f"/en/summits/registration/{changed}/", f"/en/summits/delegation/{changed}/"]:
        response = client.get(path)
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
    response = client.post(f"/en/summits/registration/{changed}/cancel/", {"confirm": "yes"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_manage_link_changes_and_cancels_a_registration(client, run_on_commit):
    summit = SummitFactory(capacity=1)
    registration = registration_create(
        summit=summit, participant=Participant("Ayşe", "a@example.org", "staff", "de")
    )
    waiting = registration_create(
        summit=summit, participant=Participant("Oğuz", "o@example.org", "staff", "tr")
    )
    url = f"/de/summits/registration/{registration.manage_token}/"
    assert "Ayşe" in client.get(url).content.decode()
    client.post(url, {"name": "Ayşe Kaya", "role": "mayor", "language": "en", "needs": "Rampe"})
    registration.refresh_from_db()
    assert (registration.name, registration.role, registration.needs) == (
        "Ayşe Kaya",
        "mayor",
        "Rampe",
    )
    # The cancel button first asks; nothing is cancelled until the person confirms.
    question = client.get(f"{url}cancel/".replace("/de/", "/en/"))
    assert "Do you really want to cancel your registration?" in question.content.decode()
    client.post(f"{url}cancel/")
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    with run_on_commit():
        client.post(f"{url}cancel/", {"confirm": "yes"})
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == "cancelled"
    assert waiting.status == "confirmed"
    # Cancelling again shows a message instead of failing.
    response = client.post(f"{url}cancel/".replace("/de/", "/en/"), {"confirm": "yes"}, follow=True)
    assert "already been cancelled" in response.content.decode()


def _delegation_form(city, members):
    data = {"city": city.pk, "head_name": "Zeynep Aksoy", "head_email": "zeynep@example.org",
            "head_language": "tr", "members-TOTAL_FORMS": "5", "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "0", "members-MAX_NUM_FORMS": "30"}  # fmt: skip
    for i, (name, email, language) in enumerate(members):
        data[f"members-{i}-name"] = name
        data[f"members-{i}-email"] = email
        data[f"members-{i}-role"] = "council_member"
        data[f"members-{i}-language"] = language
    return data


def test_a_head_of_delegation_registers_members_and_adds_more_later(client, run_on_commit):
    SummitFactory(slug="s")
    izmir = CityFactory(name="İzmir", country="TR")
    members = [("Mustafa Çelik", "m@example.org", "tr"), ("Jörg Brandt", "j@example.org", "de")]
    with run_on_commit():
        response = client.post(
            "/tr/summits/s/register/delegation/", _delegation_form(izmir, members), follow=True
        )
    delegation = Delegation.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"/delegation/{delegation.token}/")
    assert "Mustafa Çelik" in response.content.decode()
    assert {m.to[0] for m in mail.outbox} == {
        "m@example.org",
        "j@example.org",
        "zeynep@example.org",
    }
    more = _delegation_form(izmir, [("Elif Kaya", "e@example.org", "tr")])
    client.post(f"/tr/summits/delegation/{delegation.token}/", more)
    assert delegation.registrations.count() == 3


def test_a_delegation_without_members_is_refused(client):
    SummitFactory(slug="s")
    response = client.post("/en/summits/s/register/delegation/",
                           _delegation_form(CityFactory(), []))  # fmt: skip
    assert "Add at least one member" in response.content.decode()
    assert not Delegation.objects.exists()


def test_a_filled_member_row_needs_a_role_chosen(client):
    SummitFactory(slug="s")
    data = _delegation_form(CityFactory(name="Bremen"), [("Jörg", "j@example.org", "de")])
    data["members-0-role"] = ""
    response = client.post("/en/summits/s/register/delegation/", data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Registration.objects.exists()
    assert not Delegation.objects.exists()


def test_adding_members_says_exactly_who_waits_and_who_did_not_fit(client, run_on_commit):
    SummitFactory(slug="s", capacity=3, waiting_list_capacity=2)
    izmir = CityFactory(name="İzmir", country="TR")
    client.post("/en/summits/s/register/delegation/",
                _delegation_form(izmir, [("Ada", "ada@example.org", "tr")]))  # fmt: skip
    delegation = Delegation.objects.get()
    five = [(f"Member {n}", f"m{n}@example.org", "tr") for n in range(5)]
    response = client.post(
        f"/en/summits/delegation/{delegation.token}/", _delegation_form(izmir, five), follow=True
    )
    page = response.content.decode()
    assert "2 with a confirmed place, 2 on the waiting list" in page
    assert "Not added, because the summit and its waiting list are full: Member 4." in page
    assert delegation.registrations.count() == 5


def test_the_head_of_delegation_edits_and_removes_a_member(client, run_on_commit):
    summit = SummitFactory(slug="s", capacity=1)
    izmir = CityFactory(name="İzmir", country="TR")
    members = [("Mustafa Çelik", "m@example.org", "tr"), ("Jörg Brandt", "j@example.org", "de")]
    client.post("/en/summits/s/register/delegation/", _delegation_form(izmir, members))
    delegation = Delegation.objects.get()
    mustafa, jorg = delegation.registrations.order_by("pk")
    base = f"/en/summits/delegation/{delegation.token}/members"
    page = client.get(f"/en/summits/delegation/{delegation.token}/").content.decode()
    assert f"{base}/{mustafa.pk}/" in page
    assert f"{base}/{mustafa.pk}/remove/" in page
    change = {"name": "Jörg Brandt-Yıldız", "role": "expert", "language": "de", "needs": ""}
    client.post(f"{base}/{jorg.pk}/", change)
    jorg.refresh_from_db()
    assert (jorg.name, jorg.role) == ("Jörg Brandt-Yıldız", "expert")
    assert "Remove Mustafa Çelik" in client.get(f"{base}/{mustafa.pk}/remove/").content.decode()
    with run_on_commit():
        client.post(f"{base}/{mustafa.pk}/remove/", {"confirm": "yes"})
    mustafa.refresh_from_db()
    jorg.refresh_from_db()
    assert (mustafa.status, jorg.status) == ("cancelled", "confirmed")  # Jörg moved up
    # Another delegation's link cannot reach these members.
    other = Delegation.objects.create(
        summit=summit, city=CityFactory(name="Bremen"), head_name="X",
        head_email="x@example.org", head_language="de",
    )  # fmt: skip
    assert client.get(f"/en/summits/delegation/{other.token}/members/{jorg.pk}/").status_code == 404
    response = client.post(
        f"/en/summits/delegation/{other.token}/members/{jorg.pk}/remove/", {"confirm": "yes"}
    )
    assert response.status_code == 404
    jorg.refresh_from_db()
    assert jorg.status == "confirmed"
