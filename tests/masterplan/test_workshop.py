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
    assert client.get("/en/masterplan/ballot/nope/").status_code == 404


def test_results_hidden_until_adoption(client, setup):
    _plan, _areas, workshop, _people = setup
    assert client.get(f"/en/masterplan/workshops/{workshop.pk}/").status_code == 404
