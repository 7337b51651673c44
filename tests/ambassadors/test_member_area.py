"""Every member URL: the owner gets it, another ambassador a 404, a visitor the login page."""

import pytest
from django.core.files.base import ContentFile

from tests.ambassadors.factories import (
    ActivityFactory,
    EvidenceFactory,
    MissionStatementFactory,
    PersonalGoalFactory,
)


@pytest.fixture
def alice_records(alice_ambassador, modules):
    evidence = EvidenceFactory(ambassador=alice_ambassador, module=modules[1])
    evidence.document.save("report.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    statement = MissionStatementFactory(year=2026, status="published")
    return {
        "module": modules[1],
        "evidence": evidence,
        "activity": ActivityFactory(ambassador=alice_ambassador),
        "goal": PersonalGoalFactory(ambassador=alice_ambassador, year=2026),
        "statement": statement,
    }


def _urls(records):
    return [
        ("get", "/de/ambassadors/member/", True),
        ("get", "/de/ambassadors/member/profile/", True),
        ("get", "/de/ambassadors/member/activities/", True),
        ("get", "/de/ambassadors/member/mission/", True),
        ("get", f"/de/ambassadors/member/modules/{records['module'].pk}/evidence/", False),
        ("get", f"/de/ambassadors/member/evidence/{records['evidence'].pk}/document/", False),
        ("get", f"/de/ambassadors/member/activities/{records['activity'].pk}/", False),
        # the statement is the same for every ambassador; the personal goals on it are not
        ("get", "/de/ambassadors/member/mission/2026/", True),
        ("post", f"/de/ambassadors/member/goals/{records['goal'].pk}/report/", False),
    ]


def test_the_owner_reaches_every_member_url(client, alice, alice_records):
    client.force_login(alice)
    for method, url, _own in _urls(alice_records):
        response = getattr(client, method)(
            url,
            {f"goal{alice_records['goal'].pk}-progress_report": "Done"} if method == "post" else {},
        )
        assert response.status_code in (200, 302), url


def test_another_ambassador_gets_404_on_every_member_url(
    client, bob, bob_ambassador, alice_records
):
    """Bob is an ambassador too (another cohort); nothing of alice's is reachable for him. The
    URLs without an id show bob his own records, never alice's."""
    client.force_login(bob)
    for method, url, own in _urls(alice_records):
        response = getattr(client, method)(url)
        if own:
            assert response.status_code == 200, url
            assert b"Alice" not in response.content, url
            html = response.content.decode()
            assert "Bremen–İzmir friendship" not in html, url
            assert "Organise a İzmir evening" not in html, url
            assert "report.pdf" not in html, url
        else:
            assert response.status_code == 404, url


def test_a_member_who_is_no_ambassador_gets_404(client, charlie, alice_records):
    client.force_login(charlie)
    for method, url, _own in _urls(alice_records):
        assert getattr(client, method)(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_login(client, alice_records):
    for method, url, _own in _urls(alice_records):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/de/accounts/login/?next="), url


def test_the_member_home_shows_the_ambassador_section_only_to_ambassadors(
    client, alice, charlie, alice_ambassador
):
    client.force_login(alice)
    assert "/de/ambassadors/member/" in client.get("/de/member/").content.decode()
    client.force_login(charlie)
    assert "/de/ambassadors/member/" not in client.get("/de/member/").content.decode()
