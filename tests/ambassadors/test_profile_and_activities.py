import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ambassadors.models import Activity


def _png(size=(120, 120), image_format="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 95, 138)).save(buffer, image_format)
    return buffer.getvalue()


PROFILE = {
    "public_profile": "on",
    "bio": "Architect in Köln, born in İzmir.",
    "city": "Köln",
    "country": "DE",
    "field": "culture",
    "organisation": "Büro Yılmaz",
}


def test_the_ambassador_edits_the_profile_with_a_photo(client, alice, alice_ambassador):
    client.force_login(alice)
    response = client.post(
        "/en/ambassadors/member/profile/",
        {**PROFILE, "photo": SimpleUploadedFile("me.png", _png(), "image/png")},
    )
    assert response.status_code == 302
    alice_ambassador.refresh_from_db()
    assert alice_ambassador.public_profile
    assert alice_ambassador.city == "Köln"
    assert alice_ambassador.photo.name.endswith(".png")
    # a random name: nobody finds the photo by guessing the user's id or the file's name
    assert "me.png" not in alice_ambassador.photo.name
    assert f"/{alice.pk}/" not in alice_ambassador.photo.name
    # saving again without a new file keeps the photo
    client.post("/en/ambassadors/member/profile/", PROFILE)
    alice_ambassador.refresh_from_db()
    assert alice_ambassador.photo


def test_a_photo_that_is_no_image_is_refused(client, alice, alice_ambassador):
    client.force_login(alice)
    response = client.post(
        "/en/ambassadors/member/profile/",
        {**PROFILE, "photo": SimpleUploadedFile("me.png", b"<script>", "image/png")},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    alice_ambassador.refresh_from_db()
    assert not alice_ambassador.photo
    assert not alice_ambassador.public_profile


def test_the_ambassador_logs_and_edits_an_activity(client, alice, alice_ambassador):
    client.force_login(alice)
    data = {
        "date": "2026-05-04",
        "kind": "investment",
        "city": "Hamburg",
        "country": "DE",
        "description": "Presented İzmir's port to a logistics firm.",
        "people_reached": "12",
    }
    assert client.post("/en/ambassadors/member/activities/", data).status_code == 302
    activity = Activity.objects.get()
    assert activity.ambassador == alice_ambassador
    response = client.post(
        f"/en/ambassadors/member/activities/{activity.pk}/", {**data, "people_reached": "-3"}
    )
    assert response.status_code == 200
    activity.refresh_from_db()
    assert activity.people_reached == 12
    client.post(f"/en/ambassadors/member/activities/{activity.pk}/", {**data, "city": "Bremen"})
    activity.refresh_from_db()
    assert activity.city == "Bremen"
    assert "Bremen" in client.get("/en/ambassadors/member/activities/").content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("me.gif", _png(image_format="GIF"), "Please upload a JPEG, PNG or WebP image."),
        ("wide.png", _png(size=(6001, 1)), "at most 6000 pixels"),
        ("big.png", _png() + b"\0" * (3 * 1024 * 1024), "at most 3"),
    ],
)
def test_photos_of_the_wrong_kind_or_size_are_refused(
    client, alice, alice_ambassador, name, content, message
):
    client.force_login(alice)
    response = client.post(
        "/en/ambassadors/member/profile/",
        {**PROFILE, "photo": SimpleUploadedFile(name, content, "image/png")},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    alice_ambassador.refresh_from_db()
    assert not alice_ambassador.photo
    assert alice_ambassador.city != "Köln"  # nothing of the form was saved
