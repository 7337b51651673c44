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


def test_a_place_counts_only_once_the_owner_confirms_by_the_mailed_link(client, run_on_commit):
    summit = SummitFactory(slug="s", capacity=1)
    with run_on_commit():
        response = client.post("/en/summits/s/register/", _form(), follow=True)
    registration = Registration.objects.get()
    # the submitter does not get the link: only the owner of the address does
    assert response.redirect_chain[-1][0].endswith("/summits/s/register/sent/")
    assert registration.manage_token not in response.content.decode()
    assert registration.status == "pending"
    assert summit.registrations.filter(status="confirmed").count() == 0
    (confirm_mail,) = mail.outbox
    assert confirm_mail.to == ["ayse@example.org"]
    assert registration.manage_token in confirm_mail.body
    # opening the link confirms nothing by itself (mail programs open links to check them)
    page = client.get(f"/tr/summits/registration/{registration.manage_token}/")
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert 'id="confirm-registration"' in page.content.decode()
    with run_on_commit():
        client.post(f"/tr/summits/registration/{registration.manage_token}/confirm/")
        client.post(f"/tr/summits/registration/{registration.manage_token}/confirm/")  # twice
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert len(mail.outbox) == 2  # the confirmation, once
    assert mail.outbox[1].attachments  # with the summit's calendar


def test_unconfirmed_registrations_hold_no_place_and_expire(client, run_on_commit):
    summit = SummitFactory(slug="s", capacity=1, waiting_list_capacity=0)
    for n in range(3):  # invented people nobody confirms
        client.post("/en/summits/s/register/", _form(email=f"fake{n}@example.org"))
    assert summit.registrations.filter(status="pending").count() == 3
    assert "Fully booked" not in client.get("/en/summits/s/").content.decode()
    real = _form(email="real@example.org")
    client.post("/en/summits/s/register/", real)
    mine = Registration.objects.get(email="real@example.org")
    client.post(f"/en/summits/registration/{mine.manage_token}/confirm/")
    mine.refresh_from_db()
    assert mine.status == "confirmed"
    # a late confirmation finds the summit full and says so
    late = Registration.objects.get(email="fake0@example.org")
    response = client.post(f"/en/summits/registration/{late.manage_token}/confirm/", follow=True)
    assert "fully booked" in response.content.decode()
    late.refresh_from_db()
    assert late.status == "pending"
    # after 48 hours an unconfirmed registration lapses and its address is free again
    Registration.objects.filter(status="pending").update(
        confirm_by=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(f"/en/summits/registration/{late.manage_token}/confirm/", follow=True)
    assert "This link has expired" in response.content.decode()
    client.post("/en/summits/s/register/", _form(email="fake1@example.org"))
    assert summit.registrations.filter(email="fake1@example.org", status="pending").count() == 1


def test_a_second_registration_reveals_nothing_and_the_owner_is_told_by_mail(client, run_on_commit):
    SummitFactory(slug="s")
    with run_on_commit():
        new = client.post("/en/summits/s/register/", _form(), follow=True)
    registration = Registration.objects.get()
    client.post(f"/en/summits/registration/{registration.manage_token}/confirm/", follow=True)
    mail.outbox.clear()
    with run_on_commit():
        again = client.post("/en/summits/s/register/", _form(email="AYSE@example.org"), follow=True)
    assert again.redirect_chain == new.redirect_chain
    assert _main(again) == _main(new)
    assert Registration.objects.count() == 1
    (told,) = mail.outbox
    assert told.to == ["ayse@example.org"]
    assert "zaten kayıtlı" in told.body  # in the owner's language (Turkish)
    assert registration.manage_token in told.body


def _main(response) -> str:
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_registration_is_throttled_per_address_and_per_client(client, run_on_commit):
    SummitFactory(slug="s", capacity=100)
    for _ in range(3):
        assert client.post("/en/summits/s/register/", _form()).status_code == 302
    refused = client.post("/en/summits/s/register/", _form())
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()
    for n in range(6):  # other addresses from the same client: 10 attempts in all
        client.post("/en/summits/s/register/", _form(email=f"p{n}@example.org"))
    refused = client.post("/en/summits/s/register/", _form(email="new@example.org"))
    assert refused.status_code == 429
    assert not Registration.objects.filter(email="new@example.org").exists()
    # another client may still register
    other = client.__class__(REMOTE_ADDR="203.0.113.9")
    assert other.post("/en/summits/s/register/", _form(email="new@example.org")).status_code == 302


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("closed", "Registration for this summit is closed."),
        ("full", "fully booked"),
    ],
)
def test_bad_registrations_get_a_clear_message_and_change_nothing(client, setup, message):
    summit = SummitFactory(slug="s", capacity=1, waiting_list_capacity=0)
    if setup == "closed":
        summit.registration_closes_at = timezone.now() - timedelta(seconds=1)
        summit.save()
    else:
        registration_create(
            summit=summit, participant=Participant("X", "other@example.org", "staff", "de")
        )
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


def _confirm_delegation(client, delegation, language="en"):
    return client.post(f"/{language}/summits/delegation/{delegation.token}/confirm/", follow=True)


def test_a_delegation_holds_no_place_until_its_head_confirms_by_the_mailed_link(
    client, run_on_commit
):
    summit = SummitFactory(slug="s", capacity=1)
    izmir = CityFactory(name="İzmir", country="TR")
    members = [("Mustafa Çelik", "m@example.org", "tr"), ("Jörg Brandt", "j@example.org", "de")]
    with run_on_commit():
        response = client.post(
            "/en/summits/s/register/delegation/", _delegation_form(izmir, members), follow=True
        )
    delegation = Delegation.objects.get()
    # the submitter does not get the link, and nobody has a place yet: only the head is mailed
    assert response.redirect_chain[-1][0].endswith("/summits/s/register/sent/")
    assert delegation.token not in response.content.decode()
    assert [r.status for r in delegation.registrations.all()] == ["pending", "pending"]
    assert summit.registrations.filter(status__in=["confirmed", "waiting"]).count() == 0
    (ask,) = mail.outbox
    assert ask.to == ["zeynep@example.org"]
    assert f"/tr/summits/delegation/{delegation.token}/" in ask.body
    assert "Mustafa Çelik" in ask.body
    # a member's own link cannot confirm in the head's place
    mustafa = delegation.registrations.get(email="m@example.org")
    client.post(f"/en/summits/registration/{mustafa.manage_token}/confirm/")
    mustafa.refresh_from_db()
    assert mustafa.status == "pending"
    # opening the link confirms nothing by itself (mail programs open links to check them)
    page = client.get(f"/tr/summits/delegation/{delegation.token}/").content.decode()
    assert 'id="confirm-delegation"' in page
    assert not delegation.registrations.exclude(status="pending").exists()
    # adding members before confirming is refused
    more = _delegation_form(izmir, [("Elif Kaya", "e@example.org", "tr")])
    client.post(f"/en/summits/delegation/{delegation.token}/", more)
    assert delegation.registrations.count() == 2
    mail.outbox.clear()
    with run_on_commit():
        page = _confirm_delegation(client, delegation).content.decode()
        _confirm_delegation(client, delegation)  # twice changes nothing
    assert "the delegation is confirmed" in page
    assert "1 with a confirmed place, 1 on the waiting list" in page
    mustafa.refresh_from_db()
    jorg = delegation.registrations.get(email="j@example.org")
    assert (mustafa.status, jorg.status, jorg.waiting_position) == ("confirmed", "waiting", 1)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "j@example.org",
        "m@example.org",
        "zeynep@example.org",
    ]
    # members the confirmed head adds later count at once
    client.post(f"/tr/summits/delegation/{delegation.token}/", more)
    assert delegation.registrations.get(email="e@example.org").status == "waiting"


def test_an_unconfirmed_delegation_expires_and_its_city_may_register_again(client):
    summit = SummitFactory(slug="s", capacity=1)
    izmir = CityFactory(name="İzmir", country="TR")
    client.post("/en/summits/s/register/delegation/",
                _delegation_form(izmir, [("Ada", "ada@example.org", "tr")]))  # fmt: skip
    stale = Delegation.objects.get()
    # meanwhile someone else takes the only place: the delegation held none
    client.post("/en/summits/s/register/", _form())
    ayse = Registration.objects.get(email="ayse@example.org")
    client.post(f"/en/summits/registration/{ayse.manage_token}/confirm/")
    ayse.refresh_from_db()
    assert ayse.status == "confirmed"
    Delegation.objects.update(confirm_by=timezone.now() - timedelta(minutes=1))
    Registration.objects.filter(status="pending").update(
        confirm_by=timezone.now() - timedelta(minutes=1)
    )
    page = client.get(f"/en/summits/delegation/{stale.token}/").content.decode()
    assert "This link has expired" in page
    assert 'id="confirm-delegation"' not in page
    response = _confirm_delegation(client, stale)
    assert "This link has expired" in response.content.decode()
    # the lapsed delegation no longer blocks its city or its members' addresses
    client.post("/en/summits/s/register/delegation/",
                _delegation_form(izmir, [("Ada", "ada@example.org", "tr")]))  # fmt: skip
    fresh = Delegation.objects.get()
    assert fresh.pk != stale.pk
    assert fresh.registrations.get().status == "pending"
    lapsed = summit.registrations.exclude(delegation=fresh).get(email="ada@example.org")
    assert lapsed.status == "cancelled"


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
    _confirm_delegation(client, delegation)
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
    _confirm_delegation(client, delegation)
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


def test_delegation_members_are_listed_in_the_turkish_alphabet(client):
    SummitFactory(slug="s", capacity=10)
    names = [("Zehra Ak", "z@example.org", "tr"), ("Şule Öz", "s@example.org", "tr"),
             ("İlkay Doğan", "i@example.org", "tr"), ("Ilgaz Er", "g@example.org", "tr"),
             ("Ömer Ay", "o@example.org", "tr")]  # fmt: skip
    data = _delegation_form(CityFactory(name="İzmir", country="TR"), names)
    client.post("/tr/summits/s/register/delegation/", data)
    page = _confirm_delegation(client, Delegation.objects.get(), "tr").content.decode()
    positions = [page.index(name) for name in
                 ["Ilgaz Er", "İlkay Doğan", "Ömer Ay", "Şule Öz", "Zehra Ak"]]  # fmt: skip
    assert positions == sorted(positions)
