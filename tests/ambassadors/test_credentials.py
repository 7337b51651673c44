"""Issue 15: the ambassador title as an Open Badges 3.0 credential. Signed with joserfc, checked
here with a different library (PyJWT) against the keys the site publishes, validated against
1EdTech's JSON schema shipped in the repository, and failing once the certificate is revoked."""

import base64
import gzip
import io
import json
from pathlib import Path

import jwt as pyjwt
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from joserfc.jwk import ECKey
from jsonschema import Draft201909Validator, FormatChecker
from PIL import Image

from ambassadors.certificates.credentials import badge, baking, keys, status_list
from ambassadors.certificates.credentials.checking import Outcome, credential_check
from ambassadors.certificates.services import (
    certificate_award,
    certificate_correct,
    certificate_reinstate,
    certificate_render,
    certificate_revoke,
)
from tests.ambassadors.certificate_fixtures import (  # noqa: F401
    TURKISH_NAME,
    course,
    graduate,
    statement,
    turkish_graduate,
)
from weltstadt.mail import mail_render
from weltstadt.models import OutgoingMail

SCHEMA = Path(badge.__file__).parent / "schema" / "ob_v3p0_achievementcredential_schema.json"


@pytest.fixture
def certificate(turkish_graduate, staff_user, monkeypatch):  # noqa: F811
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )
    return certificate_award(ambassador=turkish_graduate, by=staff_user)


def _published_keys(client) -> dict:
    response = client.get("/credentials/jwks.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return {key["kid"]: key for key in json.loads(response.content)["keys"]}


def _verify_with_pyjwt(client, token: str) -> dict:
    """What any verifier does: the key named by the `kid` URL, fetched from the site, then
    PyJWT (not joserfc, which signed) checks the ES256 signature."""
    header = pyjwt.get_unverified_header(token)
    assert header["alg"] == "ES256"
    assert header["typ"] == "vc+jwt"
    kid_url = header["kid"]
    assert kid_url.startswith(settings.SITE_URL)
    path = kid_url.removeprefix(settings.SITE_URL)
    jwk = json.loads(client.get(path).content)
    assert jwk == _published_keys(client)[jwk["kid"]]
    assert "d" not in jwk  # only the public part is published
    key = pyjwt.PyJWK(jwk).key
    return pyjwt.decode(token, key=key, algorithms=["ES256"], options={"verify_aud": False})


def _bit(encoded: str, index: int) -> bool:
    """Decode a Bitstring Status List by hand (base64url multibase, GZIP), index 0 leftmost."""
    assert encoded.startswith("u")
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) * 8 == 131072
    return bool(raw[index // 8] >> (7 - index % 8) & 1)


def _status_from_the_site(client, credential_claims: dict) -> bool:
    entry = credential_claims["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusPurpose"] == "revocation"
    response = client.get(entry["statusListCredential"].removeprefix(settings.SITE_URL))
    assert response["Content-Type"] == "application/vc+jwt"
    status = _verify_with_pyjwt(client, response.content.decode())
    assert status["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert status["issuer"] == credential_claims["issuer"]["id"]
    return _bit(status["credentialSubject"]["encodedList"], int(entry["statusListIndex"]))


def test_an_awarded_certificate_yields_a_credential_another_library_verifies(client, certificate):
    token = badge.credential_jwt(certificate)
    claims = _verify_with_pyjwt(client, token)
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["iss"] == claims["issuer"]["id"] == f"{settings.SITE_URL}/credentials/issuer"
    assert claims["jti"] == claims["id"]
    subject = claims["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == TURKISH_NAME
    achievement = subject["achievement"]
    with translation.override("tr"):  # in the holder's language
        assert achievement["name"] == gettext("İzmir Ambassador %(year)s") % {
            "year": certificate.year
        }
    assert "City diplomacy basics" in achievement["criteria"]["narrative"]
    assert "Project in your city" in achievement["criteria"]["narrative"]
    assert "Optional study trip" not in achievement["criteria"]["narrative"]
    assert claims["evidence"][0]["name"].endswith("(2026)")  # the mission statement
    assert claims["awardedDate"].startswith(certificate.awarded_on.isoformat())
    # the holder's language first, the five others alongside
    assert achievement["@language"] == "tr"
    assert sorted(r["@language"] for r in achievement["related"]) == ["de", "en", "es", "fr", "it"]
    assert _status_from_the_site(client, claims) is False
    issuer = json.loads(client.get("/credentials/issuer").content)
    assert issuer["id"] == claims["iss"]
    assert issuer["type"] == ["Profile"]


def test_the_credential_validates_against_the_shipped_open_badges_schema(client, certificate):
    schema = json.loads(SCHEMA.read_text())
    assert schema["$id"].endswith("/ob_v3p0_achievementcredential_schema.json")
    claims = _verify_with_pyjwt(client, badge.credential_jwt(certificate))
    validator = Draft201909Validator(schema, format_checker=FormatChecker())
    assert [error.message for error in validator.iter_errors(claims)] == []
    # and the schema is no rubber stamp: without its achievement the credential fails
    del claims["credentialSubject"]["achievement"]["criteria"]
    assert list(validator.iter_errors(claims))


def test_a_revoked_certificates_credential_then_fails_verification(client, certificate, staff_user):
    token = badge.credential_jwt(certificate)
    assert credential_check(token.encode()).outcome == Outcome.VALID
    certificate_revoke(certificate=certificate, reason="Misconduct", by=staff_user)
    claims = _verify_with_pyjwt(client, token)  # the signature itself stays intact
    assert _status_from_the_site(client, claims) is True
    assert credential_check(token.encode()).outcome == Outcome.REVOKED
    page = client.post(
        "/en/verify/credential/",
        {"credential": SimpleUploadedFile("badge.png", baking.bake_png(token))},
    ).content.decode()
    assert 'data-outcome="revoked"' in page
    assert "Revoked credential" in page
    # reinstated (the revocation was an error): the same credential is valid again
    certificate_reinstate(certificate=certificate, reason="Wrong person", by=staff_user)
    assert _status_from_the_site(client, claims) is False
    assert credential_check(token.encode()).outcome == Outcome.VALID


def test_a_correction_keeps_the_credential_id_and_status_index(certificate, staff_user):
    before = badge.credential(certificate)
    certificate = certificate_correct(
        certificate=certificate, holder_name="Çağrı Öztürk", by=staff_user
    )
    after = badge.credential(certificate)
    assert after["id"] == before["id"]
    assert after["credentialStatus"] == before["credentialStatus"]
    assert after["credentialSubject"]["identifier"][0]["identityHash"] == "Çağrı Öztürk"
    certificate.refresh_from_db()
    assert certificate.status_list_index == int(before["credentialStatus"]["statusListIndex"])


def test_indexes_are_distinct_and_stable(course, staff_user, monkeypatch):  # noqa: F811
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )
    certificates = [
        certificate_award(ambassador=graduate(course, email=f"g{i}@example.org"), by=staff_user)
        for i in range(5)
    ]
    indexes = [c.status_list_index for c in certificates]
    assert None not in indexes
    assert len(set(indexes)) == 5
    assert all(0 <= i < status_list.SIZE for i in indexes)
    assert status_list.status_index_ensure(certificates[0]) == indexes[0]


def test_old_credentials_keep_verifying_after_a_key_rotation(client, certificate):
    old_token = badge.credential_jwt(certificate)
    new_key = ECKey.generate_key("P-256", private=True)
    old_kid = settings.CREDENTIAL_KEYS[0]["kid"]
    rotated = [{**new_key.as_dict(private=True), "kid": "2027"}, *settings.CREDENTIAL_KEYS]
    with override_settings(CREDENTIAL_KEYS=rotated):
        assert set(_published_keys(client)) == {"2027", old_kid}
        new_token = badge.credential_jwt(certificate)
        assert pyjwt.get_unverified_header(new_token)["kid"].endswith("/2027")
        assert credential_check(old_token.encode()).outcome == Outcome.VALID
        assert credential_check(new_token.encode()).outcome == Outcome.VALID
        _verify_with_pyjwt(client, old_token)
    # a key no longer published: its credentials are not ours any more
    with override_settings(CREDENTIAL_KEYS=rotated[:1]):
        assert credential_check(old_token.encode()).outcome == Outcome.NOT_OURS


def test_baked_png_and_svg_carry_the_credential(client, certificate):
    token = badge.credential_jwt(certificate)
    png = baking.bake_png(token)
    assert baking.credential_from_image(png) == token
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.text["openbadgecredential"] == token  # Pillow reads our iTXt chunk
    svg = baking.bake_svg(token, '<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in svg
    assert baking.credential_from_image(svg.encode()) == token


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        (b"", Outcome.UNREADABLE),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", Outcome.UNREADABLE),
        (b"<svg><openbadges:credential>not.a.jwt</openbadges:credential></svg>", "bad"),
        (b'{"id": "data:application/vc+jwt,a.b.c"}', "bad"),
        (b"\x00\xff" * 500, Outcome.UNREADABLE),
    ],
)
def test_junk_gets_a_clear_answer(db, body, outcome):
    result = credential_check(body).outcome
    if outcome == "bad":
        assert result in {Outcome.BAD_SIGNATURE, Outcome.NOT_OURS}
    else:
        assert result == outcome


def test_a_tampered_credential_fails_the_signature(client, certificate):
    token = badge.credential_jwt(certificate)
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert credential_check(f"{header}.{forged}.{signature}".encode()).outcome == (
        Outcome.BAD_SIGNATURE
    )


def test_the_member_downloads_json_png_and_svg(client, certificate):
    client.force_login(certificate.ambassador.user)
    page = client.get("/tr/ambassadors/member/documents/").content.decode()
    base = f"/tr/ambassadors/member/certificates/{certificate.pk}/credential"
    assert f"{base}.png" in page
    for fmt, kind in [("json", "application/json"), ("png", "image/png"), ("svg", "image/svg")]:
        response = client.get(f"{base}.{fmt}")
        assert response.status_code == 200, fmt
        assert response["Content-Type"].startswith(kind)
        assert "attachment" in response["Content-Disposition"]
        upload = SimpleUploadedFile(f"credential.{fmt}", response.content)
        page = client.post("/en/verify/credential/", {"credential": upload}).content.decode()
        assert 'data-outcome="valid"' in page, fmt
        assert TURKISH_NAME in page
        assert 'lang="tr"' in page  # the achievement's name is in the holder's language
    envelope = json.loads(client.get(f"{base}.json").content)
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    assert envelope["id"].startswith("data:application/vc+jwt,ey")
    assert client.get(f"{base}.exe").status_code == 404


def test_another_member_and_a_revoked_holder_get_no_credential(
    client, certificate, staff_user, bob
):
    url = f"/en/ambassadors/member/certificates/{certificate.pk}/credential.json"
    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.force_login(certificate.ambassador.user)
    certificate_revoke(certificate=certificate, reason="Misconduct", by=staff_user)
    assert client.get(url).status_code == 404


def test_the_upload_is_size_limited_and_throttled(client, certificate):
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * (1024 * 1024 + 10))
    response = client.post("/en/verify/credential/", {"credential": big})
    assert response.status_code == 400
    assert "larger than 1 MB" in response.content.decode()
    assert client.post("/en/verify/credential/", {}).status_code == 400
    for _ in range(40):
        response = client.post(
            "/en/verify/credential/", {"credential": SimpleUploadedFile("x.json", b"{}")}
        )
    assert response.status_code == 429


def test_the_verification_page_shows_the_credential(client, certificate):
    page = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert "Digital credential" in page
    assert f"İzmir Ambassador {certificate.year}" in page
    assert "/en/verify/credential/" in page


def test_public_documents_answer_and_refuse_what_is_not_there(client, certificate):
    year = certificate.year
    achievement = json.loads(client.get(f"/credentials/achievements/{year}/de").content)
    assert achievement["@language"] == "de"
    assert achievement["type"] == ["Achievement"]
    assert client.get(f"/credentials/achievements/{year}/xx").status_code == 404
    assert client.get("/credentials/achievements/1999/de").status_code == 404
    assert client.get("/credentials/keys/no-such-key").status_code == 404
    assert client.get("/credentials/keys/bad%20kid!").status_code == 404


def test_the_certificate_mail_links_to_the_credential(certificate):
    certificate_render(certificate_id=certificate.pk)
    mail = OutgoingMail.objects.get(idempotency_key=certificate.mail_key)
    assert mail.language == "tr"
    rendered = mail_render(mail.template, language=mail.language, context=mail.context)
    link = f"{settings.SITE_URL}/tr/ambassadors/member/documents/#credential"
    assert link in rendered.text
    assert f'href="{link}"' in rendered.html


def test_an_expired_or_not_yet_valid_credential_says_so(certificate):
    payload = badge.credential(certificate)
    claims = {**payload, "iss": payload["issuer"]["id"], "jti": payload["id"]}
    expired = keys.sign({**claims, "validUntil": "2020-01-01T00:00:00Z"})
    assert credential_check(expired.encode()).outcome == Outcome.EXPIRED
    expired_by_exp = keys.sign({**claims, "exp": 1577836800})
    assert credential_check(expired_by_exp.encode()).outcome == Outcome.EXPIRED
    future = keys.sign({**claims, "validFrom": "2999-01-01T00:00:00Z"})
    assert credential_check(future.encode()).outcome == Outcome.NOT_YET_VALID
