"""Every member URL of alice's, asked for by bob (a member with twins of all her things), is a
404 or 403 and shows nothing of hers; the URLs without an object show bob his own things only.
The URLconf is walked, so a new member URL is checked without being listed here."""

import pytest
from django.urls import resolve

from masterplan.models import ExpertComment
from tests.masterplan.factories import InvitationFactory
from tests.security.world import build_world, member_urls

pytestmark = pytest.mark.django_db

ALICE_TEXTS = ("Alice Arslan", "office-alice", "İzmir Office alice", "2026-001")


def test_every_member_url_of_another_member_is_refused(client):
    world = build_world()
    alice_urls = member_urls(world.alice)
    client.force_login(world.bob.user)
    checked_objects = 0
    for name, url in alice_urls.items():
        with_object = bool(resolve(url).kwargs)
        refused = []
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            body = b"" if response.streaming else response.content
            for text in ALICE_TEXTS:
                assert text.encode() not in body, (name, method, text)
            if with_object:
                # 405: the method is not the page's (answered before any object is looked up)
                assert response.status_code in (403, 404, 405), (name, method)
                refused.append(response.status_code in (403, 404))
        if with_object:
            assert any(refused), f"{name}: neither GET nor POST reached the object check"
        checked_objects += with_object
    assert checked_objects >= 15
    # and bob's own twins open for him
    for name in ("offices:board_office", "ambassadors:activity_edit", "offices:board_document"):
        assert client.get(member_urls(world.bob)[name]).status_code == 200, name


def test_an_expert_link_reaches_only_its_own_comments(client):
    world = build_world()
    other = InvitationFactory(plan=world.plan)
    url = f"/en/masterplan/expert/{other.token}/comments/{world.comment.pk}/"
    response = client.post(url, {"text": "taken over"})
    assert response.status_code in (403, 404)
    assert ExpertComment.objects.get(pk=world.comment.pk).text == "A first comment"
    page = client.get(f"/en/masterplan/expert/{other.token}/").content.decode()
    assert "A first comment" not in page
