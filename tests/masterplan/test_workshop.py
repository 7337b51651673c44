"""The participatory workshop: one ballot per participant link, results as a ranking with counts."""

import pytest

from masterplan.models import BallotRank
from tests.masterplan.factories import AreaFactory, PlanFactory, WorkshopFactory, adopt


@pytest.fixture
def setup(db):
    plan = PlanFactory()
    areas = [AreaFactory(plan=plan, code=c, title=f"Area {c}", title_en=f"Area {c}") for c in "XYZ"]
    workshop = WorkshopFactory(plan=plan)
    people = [workshop.participants.create(name=f"P{i}", organisation="Org") for i in range(3)]
    return plan, areas, workshop, people


def _vote(client, participant, areas, ranks):
    data = {f"rank-{area.pk}": str(rank) for area, rank in zip(areas, ranks, strict=True)}
    return client.post(f"/en/masterplan/ballot/{participant.token}/", data, follow=True)


def test_ranking_with_points_and_counts(client, setup, staff_client):
    plan, (x, y, z), workshop, (p1, p2, p3) = setup
    _vote(client, p1, [x, y, z], [1, 2, 3])
    _vote(client, p2, [x, y, z], [2, 1, 3])
    _vote(client, p3, [x, y, z], [1, 3, 2])
    # Borda: X = 3+2+3 = 8, Y = 2+3+1 = 6, Z = 1+1+2 = 4
    adopt(plan)
    html = client.get(f"/en/masterplan/workshops/{workshop.pk}/").content.decode()
    rows = html[html.index("mp-ranking") :]
    assert rows.index("Area X") < rows.index("Area Y") < rows.index("Area Z")
    cells = '<td class="num">{}</td>' * 4
    # points, then how often each rank 1, 2, 3 was given
    assert '<th scope="row">X Area X</th>' + cells.format(8, 2, 1, 0) in html
    assert '<th scope="row">Z Area Z</th>' + cells.format(4, 0, 1, 2) in html
    assert "3 participants ranked the areas." in html


def test_a_second_ballot_replaces_the_first(client, setup):
    _plan, areas, _workshop, (p1, *_rest) = setup
    _vote(client, p1, areas, [1, 2, 3])
    _vote(client, p1, areas, [3, 2, 1])
    assert list(BallotRank.objects.filter(participant=p1).values_list("area_id", "rank")) == [
        (areas[2].pk, 1),
        (areas[1].pk, 2),
        (areas[0].pk, 3),
    ]


def test_bad_ballot_gets_a_message_and_changes_nothing(client, setup):
    _plan, areas, workshop, (p1, *_rest) = setup
    response = _vote(client, p1, areas, [1, 1, 2])
    assert "different rank from 1 to 3" in response.content.decode()
    assert BallotRank.objects.count() == 0
    workshop.ballot_open = False
    workshop.save()
    response = _vote(client, p1, areas, [1, 2, 3])
    assert "closed" in response.content.decode()
    assert BallotRank.objects.count() == 0


def test_a_tampered_ballot_link_gets_the_friendly_invalid_link_page(client, setup):
    _plan, _areas, _workshop, (p1, *_rest) = setup
    response = client.get(f"/en/masterplan/ballot/{p1.token}x/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "This link is not valid." in html
    assert "Nothing has been changed." in html
    assert "<main" in html  # the site's own page, not Django's bare 404


@pytest.mark.parametrize("value", ["²", "١", "①", "1²", " 1 2"])
def test_a_rank_in_other_digits_is_refused_with_a_message_not_a_500(client, setup, value):
    _plan, areas, _workshop, (p1, *_rest) = setup
    data = {f"rank-{areas[0].pk}": value, f"rank-{areas[1].pk}": "2", f"rank-{areas[2].pk}": "3"}
    response = client.post(f"/en/masterplan/ballot/{p1.token}/", data)
    assert response.status_code == 200
    assert "different rank from 1 to 3" in response.content.decode()
    assert BallotRank.objects.count() == 0


def test_a_tie_is_shown_as_a_shared_place(client, setup):
    plan, (x, y, z), workshop, (p1, p2, _p3) = setup
    _vote(client, p1, [x, y, z], [1, 2, 3])
    _vote(client, p2, [x, y, z], [2, 1, 3])
    # X = 3+2 = 5, Y = 2+3 = 5, Z = 2: X and Y share the first place
    adopt(plan)
    html = client.get(f"/en/masterplan/workshops/{workshop.pk}/").content.decode()
    assert '<td>1 (shared)</td><th scope="row">X Area X</th>' in html
    assert '<td>1 (shared)</td><th scope="row">Y Area Y</th>' in html
    assert '<td>3</td><th scope="row">Z Area Z</th>' in html
    assert "share a place" in html


def test_the_ranking_closes_when_the_plan_is_adopted(client, setup):
    plan, areas, workshop, (p1, *_rest) = setup
    adopt(plan)
    workshop.refresh_from_db()
    assert workshop.ballot_open is False
    response = _vote(client, p1, areas, [1, 2, 3])
    assert "The ranking of this workshop is closed." in response.content.decode()
    assert BallotRank.objects.count() == 0
    assert "mp-ballot" not in client.get(f"/en/masterplan/ballot/{p1.token}/").content.decode()


def test_the_ranking_closes_after_its_closing_day(client, setup):
    import datetime

    from django.utils import timezone

    _plan, areas, workshop, (p1, *_rest) = setup
    workshop.ballot_closes_on = timezone.localdate()
    workshop.save()
    _vote(client, p1, areas, [1, 2, 3])
    assert BallotRank.objects.count() == 3  # the closing day itself still counts
    workshop.ballot_closes_on = timezone.localdate() - datetime.timedelta(days=1)
    workshop.save()
    response = _vote(client, p1, areas, [3, 2, 1])
    assert "The ranking of this workshop is closed." in response.content.decode()
    assert list(BallotRank.objects.order_by("area_id").values_list("rank", flat=True)) == [1, 2, 3]


def test_ranking_links_are_mailed_once_in_each_participants_language(
    staff_client, setup, run_on_commit
):
    from django.core import mail

    _plan, _areas, workshop, (p1, p2, _p3) = setup
    for person, email, language in [(p1, "p1@example.org", "tr"), (p2, "p2@example.org", "de")]:
        person.email, person.language = email, language
        person.save()
    url = "/admin/masterplan/workshop/"
    data = {"action": "send_ballot_links", "_selected_action": [workshop.pk]}
    confirm = staff_client.post(url, data).content.decode()
    assert "Send 2 mails" in confirm or "2 E-Mails" in confirm
    assert len(mail.outbox) == 0  # nothing before the confirmation
    with run_on_commit():
        response = staff_client.post(url, {**data, "apply": "1"})
    assert response.status_code == 302
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"p1@example.org", "p2@example.org"}
    assert f"/tr/masterplan/ballot/{p1.token}/" in by_address["p1@example.org"].body
    assert "Sayın P0" in by_address["p1@example.org"].body
    assert f"/de/masterplan/ballot/{p2.token}/" in by_address["p2@example.org"].body
    with run_on_commit():
        staff_client.post(url, {**data, "apply": "1"})
    assert len(mail.outbox) == 2  # a second run mails no one twice


def test_results_hidden_until_adoption(client, setup):
    _plan, _areas, workshop, _people = setup
    assert client.get(f"/en/masterplan/workshops/{workshop.pk}/").status_code == 404
