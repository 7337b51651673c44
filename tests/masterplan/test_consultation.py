"""Acceptance 4 and the expert consultation: personal links, refusals, moderation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from masterplan.models import ExpertComment, Plan
from masterplan.services.consultation import (
    ConsultationRefused,
    comment_moderate,
    comment_take_up,
    expert_comment_create,
    expert_invite,
    invitation_revoke,
)
from masterplan.services.plan import plan_status_change
from tests.masterplan.factories import AreaFactory, InvitationFactory, PlanFactory, StrategyFactory


@pytest.fixture
def plan(db):
    plan = PlanFactory()
    plan_status_change(plan=plan, to=Plan.Status.CONSULTATION, by=None, summary="open")
    return plan


@pytest.fixture
def area(plan):
    return AreaFactory(plan=plan, title="Area One", title_en="Area One")


def _url(invitation, suffix=""):
    return f"/en/masterplan/expert/{invitation.token}/{suffix}"


def test_invitation_mails_a_personal_link_in_the_experts_language(plan, run_on_commit):
    with run_on_commit():
        invitation = expert_invite(
            plan=plan,
            name="Ayşe Demir",
            affiliation="DEU",
            field="IR",
            email="Ayse@Example.org",
            language="tr",
            by=None,
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ayse@example.org"]
    assert f"/tr/masterplan/expert/{invitation.token}/" in message.body
    assert "Sayın Ayşe Demir" in message.body
    # the expiry date as Turkish writes it ("1 Ocak 2027"), not as ISO text
    expires = invitation.expires_at.date()
    with translation.override("tr"):
        assert date_format(expires, "DATE_FORMAT") in message.body
    assert expires.isoformat() not in message.body


def test_expert_comments_on_an_area_and_a_strategy_without_password(client, plan, area):
    invitation = InvitationFactory(plan=plan)
    strategy = StrategyFactory(area=area)
    assert client.get(_url(invitation)).status_code == 200
    client.post(_url(invitation), {"target": f"area-{area.pk}", "text": "On the area"})
    client.post(_url(invitation), {"target": f"strategy-{strategy.pk}", "text": "On the strategy"})
    comments = ExpertComment.objects.filter(invitation=invitation)
    assert {(c.area_id, c.strategy_id, c.text) for c in comments} == {
        (area.pk, None, "On the area"),
        (None, strategy.pk, "On the strategy"),
    }
    assert all(c.moderation == ExpertComment.Moderation.PENDING for c in comments)


@pytest.mark.parametrize("state", ["expired", "revoked"])
def test_expired_or_revoked_link_is_refused_and_changes_nothing(client, plan, area, state):
    invitation = InvitationFactory(plan=plan)
    comment = expert_comment_create(invitation=invitation, target=area, text="first")
    if state == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
        reason = "This link has expired."
    else:
        invitation_revoke(invitation=invitation, by=None)
        reason = "This link has been revoked by the association."
    response = client.get(_url(invitation))
    assert response.status_code == 403
    assert reason in response.content.decode()
    response = client.post(_url(invitation), {"target": f"area-{area.pk}", "text": "more"})
    assert response.status_code == 403
    response = client.post(_url(invitation, f"comments/{comment.pk}/"), {"text": "changed"})
    assert response.status_code == 403
    assert reason in response.content.decode()
    assert ExpertComment.objects.count() == 1
    comment.refresh_from_db()
    assert comment.text == "first"


def test_another_experts_comment_id_is_refused_and_unchanged(client, plan, area):
    mine = InvitationFactory(plan=plan)
    other = InvitationFactory(plan=plan)
    theirs = expert_comment_create(invitation=other, target=area, text="theirs")
    response = client.post(_url(mine, f"comments/{theirs.pk}/"), {"text": "hijacked"})
    assert response.status_code == 403
    assert "This comment is not one of yours." in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.text == "theirs"
    # and the expert's page never shows it
    assert "theirs" not in client.get(_url(mine)).content.decode()


def test_expert_edits_own_pending_comment_only(client, plan, area, staff_user):
    invitation = InvitationFactory(plan=plan)
    comment = expert_comment_create(invitation=invitation, target=area, text="draft")
    response = client.post(_url(invitation, f"comments/{comment.pk}/"), {"text": "better"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "better"
    comment_moderate(comment=comment, approve=True, by=staff_user)
    response = client.post(_url(invitation, f"comments/{comment.pk}/"), {"text": "later"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.text == "better"


def test_parts_of_another_plan_and_unknown_tokens_are_refused(client, plan, area):
    invitation = InvitationFactory(plan=plan)
    foreign = AreaFactory()
    response = client.post(_url(invitation), {"target": f"area-{foreign.pk}", "text": "x"})
    assert response.status_code == 403
    assert client.get("/en/masterplan/expert/unknown-but-well-formed-token/").status_code == 403
    # a segment that is not a token's shape never reaches the view (weltstadt.converters)
    assert client.get("/en/masterplan/expert/not-a-token/").status_code == 404
    assert ExpertComment.objects.count() == 0


def test_empty_comment_gets_a_message(client, plan, area):
    invitation = InvitationFactory(plan=plan)
    response = client.post(
        _url(invitation), {"target": f"area-{area.pk}", "text": "  "}, follow=True
    )
    assert "Please write a comment." in response.content.decode()
    assert ExpertComment.objects.count() == 0


def test_adopted_plan_takes_no_more_comments(plan, area):
    invitation = InvitationFactory(plan=plan)
    plan_status_change(plan=plan, to=Plan.Status.ADOPTED, by=None, summary="done")
    with pytest.raises(ConsultationRefused):
        expert_comment_create(invitation=invitation, target=area, text="late")


def test_only_an_approved_comment_can_be_taken_up(plan, area, staff_user):
    invitation = InvitationFactory(plan=plan)
    one = expert_comment_create(invitation=invitation, target=area, text="one")
    two = expert_comment_create(invitation=invitation, target=area, text="two")
    # pending → taken up skips moderation: refused, nothing changes
    with translation.override("en"), pytest.raises(ConsultationRefused) as refused:
        comment_take_up(comment=one, by=staff_user)
    assert str(refused.value) == "A comment must be approved before it can be taken up."
    one.refresh_from_db()
    assert (one.taken_up, one.moderation) == (False, "pending")
    comment_moderate(comment=one, approve=True, by=staff_user)
    comment_take_up(comment=one, by=staff_user)
    one.refresh_from_db()
    assert one.taken_up
    assert one.moderation == "approved"
    assert one.taken_up_by == staff_user
    comment_moderate(comment=two, approve=False, by=staff_user)
    with pytest.raises(ConsultationRefused):
        comment_take_up(comment=two, by=staff_user)


def test_admin_actions_and_summary_per_area(staff_client, plan, area):
    invitation = InvitationFactory(plan=plan)
    comment = expert_comment_create(invitation=invitation, target=area, text="Good idea")
    staff_client.post(
        "/admin/masterplan/expertcomment/",
        {"action": "take_up", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert not comment.taken_up  # still pending: refused with a message
    for action in ("approve", "take_up"):
        response = staff_client.post(
            "/admin/masterplan/expertcomment/",
            {"action": action, "_selected_action": [comment.pk]},
        )
        assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.taken_up
    html = staff_client.get(f"/en/masterplan/staff/plans/{plan.pk}/consultation/").content.decode()
    assert "Area One" in html
    assert "Good idea" in html
    assert "taken up" in html


def test_summary_is_staff_only(client, alice, plan):
    assert client.get(f"/en/masterplan/staff/plans/{plan.pk}/consultation/").status_code == 302
    client.force_login(alice)
    assert client.get(f"/en/masterplan/staff/plans/{plan.pk}/consultation/").status_code == 302


def test_admin_invites_through_the_service(staff_client, plan, run_on_commit):
    with run_on_commit():
        response = staff_client.post(
            "/admin/masterplan/expertinvitation/add/",
            {
                "plan": plan.pk,
                "name": "Jan Hoffmann",
                "affiliation": "Uni Bremen",
                "field": "Urban development",
                "email": "jan@example.org",
                "language": "de",
                "expires_at_0": "2030-01-01",
                "expires_at_1": "12:00:00",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    invitation = plan.invitations.get()
    assert invitation.invited_by.email == "staff@example.org"
    assert f"/de/masterplan/expert/{invitation.token}/" in mail.outbox[0].body


@pytest.mark.parametrize("target", ["area-²", "area-١", "strategy-①", "area-", "area-1²"])
def test_a_target_in_other_digits_is_refused_not_a_500(client, plan, area, target):
    invitation = InvitationFactory(plan=plan)
    response = client.post(_url(invitation), {"target": target, "text": "x"})
    assert response.status_code == 403
    assert "does not belong to the plan" in response.content.decode()
    assert ExpertComment.objects.count() == 0


def test_a_closed_consultation_neither_invites_comments_nor_promises_an_edit_form(
    client, plan, area
):
    invitation = InvitationFactory(plan=plan)
    expert_comment_create(invitation=invitation, target=area, text="Still pending")
    plan_status_change(plan=plan, to=Plan.Status.ADOPTED, by=None, summary="done")
    html = client.get(_url(invitation)).content.decode()
    assert "The consultation on this plan is closed." in html
    assert "Please give your opinion" not in html
    assert "You can change a comment" not in html
    assert "<textarea" not in html
    assert "Still pending" in html
