import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ambassadors.models import PersonalGoal
from tests.ambassadors.factories import (
    ActivityFactory,
    MissionStatementFactory,
    PersonalGoalFactory,
)


def test_the_ambassador_reads_the_statement_and_reports_on_a_goal(client, alice, alice_ambassador):
    buffer = io.BytesIO()
    Image.new("RGB", (200, 60), (0, 0, 0)).save(buffer, "PNG")
    statement = MissionStatementFactory(year=2026, status="published")
    statement.signature.save("signature.png", SimpleUploadedFile("s.png", buffer.getvalue()))
    goal = PersonalGoalFactory(ambassador=alice_ambassador, year=2026)
    client.force_login(alice)
    html = client.get("/en/ambassadors/member/mission/").content.decode()
    assert "Mission statement 2026" in html
    html = client.get("/en/ambassadors/member/mission/2026/").content.decode()
    assert "Bring one investor to İzmir." in html
    assert "Cemil Tugay" in html
    assert 'src="data:image/png;base64,' in html
    assert goal.text in html
    response = client.post(
        f"/en/ambassadors/member/goals/{goal.pk}/report/",
        {f"goal{goal.pk}-progress_report": "Held the evening on 4 May."},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.progress_report == "Held the evening on 4 May."
    assert goal.reported_at is not None


def test_an_empty_report_changes_nothing(client, alice, alice_ambassador):
    MissionStatementFactory(year=2026, status="published")
    goal = PersonalGoalFactory(ambassador=alice_ambassador, year=2026)
    client.force_login(alice)
    response = client.post(
        f"/en/ambassadors/member/goals/{goal.pk}/report/",
        {f"goal{goal.pk}-progress_report": ""},
        follow=True,
    )
    assert "Please write a few words on your progress." in response.content.decode()
    assert PersonalGoal.objects.get().reported_at is None


def test_a_draft_statement_is_not_shown(client, alice, alice_ambassador):
    MissionStatementFactory(year=2026, status="draft")
    client.force_login(alice)
    assert client.get("/en/ambassadors/member/mission/2026/").status_code == 404


def test_staff_see_goals_reported_and_activities_by_kind_and_country(
    staff_client, alice_ambassador
):
    MissionStatementFactory(year=2026, status="published")
    PersonalGoalFactory(ambassador=alice_ambassador, year=2026, progress_report="Done")
    PersonalGoal.objects.update(reported_at="2026-06-01T10:00:00Z")
    PersonalGoalFactory(ambassador=alice_ambassador, year=2026)
    ActivityFactory(ambassador=alice_ambassador, kind="media", country="AT", people_reached=5)
    ActivityFactory(ambassador=alice_ambassador, kind="media", country="DE", people_reached=7)
    ActivityFactory(ambassador=alice_ambassador, kind="event", country="DE")
    html = staff_client.get(
        "/admin/ambassadors/missionstatement/statistics/2026/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "1 of 2 personal goals have a progress report." in html
    assert "<td>Media</td><td>2</td><td>12</td>" in html
    assert "<td>Germany</td><td>2</td><td>32</td>" in html
    assert "<td>Austria</td><td>1</td><td>5</td>" in html
