"""Acceptance 5 (demo): one past summit with outcomes and one open summit with a full programme;
the master plan's demo ties summit follow-up actions and an office report to objectives."""

import pytest

from masterplan.models import ObjectiveLink
from summits.models import FollowUpAction, Registration, Summit
from weltstadt.demo import demo_seed_all

pytestmark = pytest.mark.django_db


def test_demo_has_a_past_summit_with_outcomes_and_an_open_one_with_a_full_programme(
    client, run_on_commit
):
    with run_on_commit():
        demo_seed_all()
    demo_seed_all()  # idempotent
    past = Summit.objects.get(slug="izmir-2025")
    assert past.status == Summit.Status.HELD
    assert past.declaration.text_tr
    assert past.declaration.text_de
    statuses = set(past.follow_up_actions.values_list("status", flat=True))
    assert {FollowUpAction.Status.DONE, FollowUpAction.Status.IN_PROGRESS} <= statuses

    upcoming = Summit.objects.get(slug="bremen-2027")
    assert upcoming.status == Summit.Status.OPEN
    assert upcoming.registration_is_open
    sessions = upcoming.sessions.all()
    assert sessions.count() >= 8
    assert len({s.starts_at.astimezone(upcoming.tz).date() for s in sessions}) == 2
    assert {s.language for s in sessions} >= {"de", "tr", "en"}
    assert all(s.speakers.exists() for s in sessions)
    assert upcoming.registrations.filter(status=Registration.Status.CONFIRMED).count() >= 5
    assert upcoming.delegations.count() == 2

    index = client.get("/tr/summits/").content.decode()
    assert "Almanya–İzmir Partner Şehirler Zirvesi 2027" in index
    page = client.get("/en/summits/izmir-2025/").content.decode()
    assert "İzmir Declaration of the Partner Cities" in page
    assert "Youth exchange Bremen–İzmir" in page
    assert client.get("/de/summits/izmir-2025/declaration.pdf").status_code == 200
    assert client.get("/en/summits/bremen-2027/programme/").status_code == 200

    kinds = set(ObjectiveLink.objects.values_list("content_type__model", flat=True))
    assert {"followupaction", "activityreport"} <= kinds
    action = FollowUpAction.objects.get(what_de="Jugendbegegnung Bremen–İzmir")
    link = ObjectiveLink.objects.get(content_type__model="followupaction", object_id=action.pk)
    objective_page = client.get(f"/en/masterplan/objectives/{link.objective_id}/")
    assert "Youth exchange Bremen–İzmir" in objective_page.content.decode()


def test_the_summits_demo_speaks_all_six_languages_and_turkish_names_the_summit_one_way(
    run_on_commit,
):
    from summits.models import Declaration, Session, Speaker, Theme

    with run_on_commit():
        demo_seed_all()
    checks = [(Summit, ["title", "theme", "description"]), (Session, ["title"]),
              (Theme, ["name"]), (Speaker, ["bio"]), (Declaration, ["title", "text"]),
              (FollowUpAction, ["what"])]  # fmt: skip
    missing = []
    for model, fields in checks:
        for obj in model.objects.all():
            for field in fields:
                if not getattr(obj, f"{field}_de"):
                    continue
                for language in ["de", "tr", "en", "fr", "it", "es"]:
                    if not getattr(obj, f"{field}_{language}"):
                        missing.append(f"{model.__name__} {obj.pk} {field}_{language}")
    assert missing == []
    turkish = [value for model, fields in checks for obj in model.objects.all()
               for value in (getattr(obj, f"{f}_tr") or "" for f in fields)]  # fmt: skip
    assert not [text for text in turkish if "Kardeş Şehirler Zirve" in text]
