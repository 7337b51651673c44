from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from summits.models import Delegation, Registration, Summit
from summits.services.errors import SummitError
from summits.services.registration import (
    CONFIRM_WITHIN,
    Participant,
    delegation_add_members,
    delegation_confirm,
    delegation_register,
    registration_cancel,
    registration_create,
    registration_update,
    waiting_list_advance,
)
from tests.factories import CityFactory
from tests.summits.factories import SummitFactory
from weltstadt.models import OutgoingMail

pytestmark = pytest.mark.django_db
S = Registration.Status


@pytest.fixture(autouse=True)
def _english():
    # The refusals are translated; these tests read them in English.
    with translation.override("en"):
        yield


def person(n, language="de", email=None):
    return Participant(f"Person {n}", email or f"p{n}@example.org", "staff", language)


def fill(summit, count, start=0):
    return [registration_create(summit=summit, participant=person(start + i)) for i in range(count)]


def test_it_confirms_until_full_then_puts_people_on_the_waiting_list(run_on_commit):
    summit = SummitFactory(capacity=2, waiting_list_capacity=3)
    with run_on_commit():
        first, second, third, fourth = fill(summit, 4)
    assert [r.status for r in (first, second, third, fourth)] == [S.CONFIRMED] * 2 + [S.WAITING] * 2
    assert (third.waiting_position, fourth.waiting_position) == (1, 2)
    templates = list(OutgoingMail.objects.order_by("pk").values_list("to", "template", "status"))
    assert templates == [
        ("p0@example.org", "summits/registration_confirmed", "sent"),
        ("p1@example.org", "summits/registration_confirmed", "sent"),
        ("p2@example.org", "summits/registration_waiting", "sent"),
        ("p3@example.org", "summits/registration_waiting", "sent"),
    ]
    assert len(mail.outbox) == 4


def test_it_refuses_a_full_summit_and_changes_nothing():
    summit = SummitFactory(capacity=1, waiting_list_capacity=1)
    fill(summit, 2)
    before = Registration.objects.count()
    with pytest.raises(SummitError) as error:
        registration_create(summit=summit, participant=person(9))
    assert "fully booked" in error.value.message
    assert Registration.objects.count() == before


def test_it_refuses_registration_after_closing():
    summit = SummitFactory(registration_closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(SummitError) as error:
        registration_create(summit=summit, participant=person(1))
    assert "closed" in error.value.message
    assert not Registration.objects.exists()


def test_it_refuses_registration_before_opening_and_for_drafts():
    early = SummitFactory(registration_opens_at=timezone.now() + timedelta(days=1))
    draft = SummitFactory(status=Summit.Status.DRAFT)
    for summit in (early, draft):
        with pytest.raises(SummitError):
            registration_create(summit=summit, participant=person(1))
    assert not Registration.objects.exists()


def test_it_refuses_a_duplicate_email_in_the_same_summit_whatever_the_case():
    summit = SummitFactory()
    registration_create(summit=summit, participant=person(1, email="Ayse@Example.org"))
    with pytest.raises(SummitError) as error:
        registration_create(summit=summit, participant=person(2, email="ayse@example.ORG"))
    assert "already registered" in error.value.message
    assert Registration.objects.count() == 1
    # Another summit, or after cancelling, the address is free again.
    registration_create(summit=SummitFactory(), participant=person(2, email="ayse@example.org"))
    registration_cancel(registration=Registration.objects.get(summit=summit))
    registration_create(summit=summit, participant=person(3, email="ayse@example.org"))


def test_cancelling_promotes_the_first_waiting_and_mails_them_in_their_language(run_on_commit):
    summit = SummitFactory(capacity=1, waiting_list_capacity=5, title_tr="Kardeş Şehirler Zirvesi")
    confirmed = registration_create(summit=summit, participant=person(1, "de"))
    first = registration_create(summit=summit, participant=person(2, "tr"))
    second = registration_create(summit=summit, participant=person(3, "en"))
    mail.outbox.clear()
    with run_on_commit():
        promoted = registration_cancel(registration=confirmed)
    assert promoted == first
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.CONFIRMED
    assert first.waiting_position is None
    assert first.promoted_at is not None
    assert second.status == S.WAITING
    assert second.waiting_position == 1
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"p1@example.org", "p2@example.org"}
    promotion = OutgoingMail.objects.get(to="p2@example.org", template__endswith="promoted")
    assert promotion.language == "tr"
    # Rendered in Turkish: the summit's Turkish title and the Turkish link to their registration.
    assert "Kardeş Şehirler Zirvesi" in by_recipient["p2@example.org"].subject
    assert f"/tr/summits/registration/{first.manage_token}/" in by_recipient["p2@example.org"].body
    cancellation = OutgoingMail.objects.get(to="p1@example.org", template__endswith="cancelled")
    assert cancellation.language == "de"
    assert summit.title_de in by_recipient["p1@example.org"].subject


def test_cancelling_a_waiting_registration_closes_the_gap():
    summit = SummitFactory(capacity=1, waiting_list_capacity=5)
    _confirmed, a, b, c = fill(summit, 4)
    assert registration_cancel(registration=b) is None
    a.refresh_from_db()
    c.refresh_from_db()
    assert (a.waiting_position, c.waiting_position) == (1, 2)


def test_cancelling_twice_is_refused():
    registration = fill(SummitFactory(), 1)[0]
    registration_cancel(registration=registration)
    with pytest.raises(SummitError):
        registration_cancel(registration=registration)


def register_delegation(summit, city, members, *, head_language="tr"):
    return delegation_register(
        summit=summit, city=city, head_name="Zeynep Aksoy", head_email="zeynep@example.org",
        head_language=head_language, members=members,
    )  # fmt: skip


def test_a_delegation_holds_no_place_and_mails_only_its_head_until_confirmed(run_on_commit):
    summit = SummitFactory(capacity=2)
    izmir = CityFactory(name="İzmir", country="TR")
    with run_on_commit():
        delegation = register_delegation(
            summit, izmir, [person(1, "tr"), person(2, "de"), person(3, "en")]
        )
    assert delegation.confirm_by is not None
    assert [r.status for r in delegation.registrations.order_by("pk")] == [S.PENDING] * 3
    assert not summit.registrations.filter(status__in=[S.CONFIRMED, S.WAITING]).exists()
    # both places are still free for people who confirm first
    fill(summit, 2, start=20)
    assert summit.registrations.filter(status=S.CONFIRMED).count() == 2
    (ask,) = mail.outbox
    assert ask.to == ["zeynep@example.org"]
    assert delegation.token in ask.body


def test_the_mail_to_the_head_of_delegation_is_in_their_language(run_on_commit):
    summit = SummitFactory(title_de="Gipfel Bremen", title_tr="Bremen Zirvesi")
    with run_on_commit():
        register_delegation(summit, CityFactory(name="İzmir"), [person(1, "de")])
    (ask,) = mail.outbox
    with translation.override("tr"):
        expected = gettext(
            "If you did not register, ignore this mail: the registration lapses by itself."
        )
    assert (
        expected != "If you did not register, ignore this mail: the registration lapses by itself."
    )
    assert expected in ask.body
    assert "Bremen Zirvesi" in ask.subject
    assert "/tr/summits/delegation/" in ask.body


def test_confirming_places_the_members_in_order_as_far_as_there_is_room(run_on_commit):
    summit = SummitFactory(capacity=2, waiting_list_capacity=1)
    izmir = CityFactory(name="İzmir", country="TR")
    delegation = register_delegation(summit, izmir, [person(n) for n in range(1, 5)])
    fill(summit, 1, start=20)  # someone confirmed first: one place and one waiting place left
    mail.outbox.clear()
    with run_on_commit():
        result = delegation_confirm(delegation=delegation)
    assert [r.name for r in result.confirmed] == ["Person 1"]
    assert [r.name for r in result.waiting] == ["Person 2"]
    assert [p.name for p in result.refused] == ["Person 3", "Person 4"]
    statuses = dict(delegation.registrations.values_list("name", "status"))
    assert statuses == {"Person 1": S.CONFIRMED, "Person 2": S.WAITING,
                        "Person 3": S.CANCELLED, "Person 4": S.CANCELLED}  # fmt: skip
    delegation.refresh_from_db()
    assert delegation.confirm_by is None
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p1@example.org", "p2@example.org", "zeynep@example.org"
    ]  # fmt: skip
    # confirming again changes nothing
    again = delegation_confirm(delegation=delegation)
    assert (again.added, again.refused) == ([], [])
    assert summit.registrations.filter(status=S.CONFIRMED).count() == 2


def test_an_expired_delegation_cannot_be_confirmed():
    summit = SummitFactory(capacity=5)
    izmir = CityFactory(name="İzmir", country="TR")
    delegation = register_delegation(summit, izmir, [person(1), person(2)])
    assert delegation.confirm_by > timezone.now() + CONFIRM_WITHIN - timedelta(minutes=1)
    # 48 hours later
    past = timezone.now() - timedelta(minutes=1)
    Delegation.objects.update(confirm_by=past)
    Registration.objects.update(confirm_by=past)
    with pytest.raises(SummitError, match="expired"):
        delegation_confirm(delegation=delegation)
    assert not summit.registrations.filter(status=S.CONFIRMED).exists()
    # the next registration lets the lapsed ones go: their city and addresses are free
    again = register_delegation(summit, izmir, [person(1)])
    assert not Delegation.objects.filter(pk=delegation.pk).exists()
    assert summit.registrations.get(email="p2@example.org").status == S.CANCELLED
    assert again.registrations.get().status == S.PENDING


def test_a_delegation_is_refused_for_a_taken_city_or_address_and_changes_nothing():
    summit = SummitFactory(capacity=2)
    izmir = CityFactory(name="İzmir", country="TR")
    delegation = register_delegation(summit, izmir, [person(1), person(2)])
    with pytest.raises(SummitError, match="already registered a delegation"):
        register_delegation(summit, izmir, [person(7)])
    with pytest.raises(SummitError, match="already registered"):
        register_delegation(summit, CityFactory(name="Bremen"), [person(8), person(1)])
    with pytest.raises(SummitError, match="Please confirm the delegation first"):
        delegation_add_members(delegation=delegation, members=[person(9)])
    assert Delegation.objects.count() == 1
    assert Registration.objects.count() == 2
    delegation_confirm(delegation=delegation)
    with pytest.raises(SummitError):
        delegation_add_members(delegation=delegation, members=[person(9), person(9)])
    assert delegation_add_members(delegation=delegation, members=[person(9)]).waiting


def test_a_batch_larger_than_the_free_places_is_placed_as_far_as_it_fits(run_on_commit):
    summit = SummitFactory(capacity=1, waiting_list_capacity=3)
    fill(summit, 2)  # one confirmed, one waiting: two waiting places are left
    # a delegation staff created has no link to confirm: its members count at once
    delegation = Delegation.objects.create(
        summit=summit, city=CityFactory(), head_name="Z", head_email="z@example.org",
        head_language="tr",
    )  # fmt: skip
    assert delegation_add_members(delegation=delegation, members=[person(10)]).waiting
    result = delegation_add_members(
        delegation=delegation, members=[person(n) for n in range(11, 15)]
    )
    assert [r.name for r in result.waiting] == ["Person 11"]
    assert [p.name for p in result.refused] == ["Person 12", "Person 13", "Person 14"]
    assert summit.registrations.filter(status=S.WAITING).count() == 3


def test_a_registrant_changes_their_details_but_not_their_place():
    registration = fill(SummitFactory(), 1)[0]
    registration_update(
        registration=registration, name="Çağla Yıldız", role="expert", language="tr", needs="Vegan"
    )
    registration.refresh_from_db()
    assert (registration.name, registration.language, registration.status) == (
        "Çağla Yıldız",
        "tr",
        S.CONFIRMED,
    )


def test_raising_the_capacity_moves_the_waiting_list_up_in_order(run_on_commit):
    summit = SummitFactory(capacity=1, waiting_list_capacity=5)
    _confirmed, a, b, c = fill(summit, 4)
    summit.capacity = 3
    summit.save()
    with run_on_commit():
        promoted = waiting_list_advance(summit=summit)
    assert promoted == [a, b]
    c.refresh_from_db()
    assert (c.status, c.waiting_position) == (S.WAITING, 1)
    assert {m.to[0] for m in mail.outbox} == {a.email, b.email}


def test_confirmation_and_waiting_list_mails_are_in_each_registrants_language(run_on_commit):
    summit = SummitFactory(capacity=1, waiting_list_capacity=5, title_tr="Kardeş Şehirler Zirvesi")
    with run_on_commit():
        registration_create(summit=summit, participant=person(1, "de"))
        registration_create(summit=summit, participant=person(2, "tr"))
    by_recipient = {m.to[0]: m for m in mail.outbox}
    waiting_line = "When a place becomes free, you move up automatically and we mail you at once."
    with translation.override("tr"):
        turkish = gettext(waiting_line)
    assert turkish != waiting_line  # the catalogue has it
    assert turkish in by_recipient["p2@example.org"].body
    assert "Kardeş Şehirler Zirvesi" in by_recipient["p2@example.org"].subject
    german = by_recipient["p1@example.org"]
    assert summit.title_de in german.subject
    assert "/de/summits/registration/" in german.body
    assert "Kardeş Şehirler Zirvesi" not in german.body
