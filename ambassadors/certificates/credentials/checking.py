"""The check of a credential file someone uploads on the public verification page: a VC-JWT as
text, as JSON (an EnvelopedVerifiableCredential), or baked into a PNG or SVG badge.

It says one thing, in this order: unreadable, not signed by us, signature broken, expired (or not
yet valid), revoked (its bit in our status list), or valid. Only credentials this portal issued
are checked: the key must be one we publish.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.utils import timezone

from ambassadors.certificates.credentials import keys, status_list
from ambassadors.certificates.credentials.badge import issuer_id
from ambassadors.certificates.credentials.baking import credential_from_image
from ambassadors.certificates.models import Certificate

MAX_UPLOAD = 1024 * 1024  # a baked badge is about 30 KB; a credential alone a few KB


class Outcome:
    VALID = "valid"
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    BAD_SIGNATURE = "bad_signature"
    NOT_OURS = "not_ours"
    UNREADABLE = "unreadable"


@dataclass
class CredentialCheck:
    outcome: str
    claims: dict = field(default_factory=dict)
    certificate: Certificate | None = None
    valid_from: datetime.datetime | None = None
    valid_until: datetime.datetime | None = None

    @property
    def is_valid(self) -> bool:
        return self.outcome == Outcome.VALID

    @property
    def achievement_name(self) -> str:
        subject = self.claims.get("credentialSubject")
        if isinstance(subject, dict) and isinstance(subject.get("achievement"), dict):
            return str(subject["achievement"].get("name", ""))
        return ""

    @property
    def language(self) -> str:
        """The language the credential's texts are in (the holder's)."""
        subject = self.claims.get("credentialSubject")
        achievement = subject.get("achievement") if isinstance(subject, dict) else None
        language = achievement.get("@language") if isinstance(achievement, dict) else ""
        return language if isinstance(language, str) and language.isalpha() else ""

    @property
    def holder_name(self) -> str:
        subject = self.claims.get("credentialSubject")
        identifiers = subject.get("identifier") if isinstance(subject, dict) else None
        for entry in identifiers if isinstance(identifiers, list) else []:
            if isinstance(entry, dict) and entry.get("identityType") == "name":
                return str(entry.get("identityHash", ""))
        return ""


def token_from_upload(data: bytes) -> str | None:
    """The compact JWS inside an uploaded file, or None."""
    baked = credential_from_image(data)
    if baked is not None:
        data = baked.encode("utf-8", errors="replace")
    text = data.decode("utf-8", errors="replace").strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nesting a thousand levels deep
            return None
        envelope = document.get("id") if isinstance(document, dict) else None
        if isinstance(envelope, str) and envelope.startswith("data:application/vc+jwt,"):
            text = envelope.split(",", 1)[1].strip()
        else:
            return None
    if text.count(".") != 2 or any(c.isspace() for c in text):
        return None
    return text


def _instant(value) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _revoked(claims: dict) -> bool | None:
    """True/False from our status list; None when the credential points to no list of ours."""
    entry = claims.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("statusListCredential") != status_list.list_url():
        return None
    try:
        index = int(entry.get("statusListIndex", ""))
    except (TypeError, ValueError):
        return None
    if not 0 <= index < status_list.SIZE:
        return None
    bits = status_list.decode(
        status_list.status_list_credential()["credentialSubject"]["encodedList"]
    )
    return status_list.bit_is_set(bits, index)


def credential_check(data: bytes, *, now: datetime.datetime | None = None) -> CredentialCheck:
    """Check an uploaded credential file (see the module's docstring)."""
    now = now or timezone.now()
    token = token_from_upload(data[:MAX_UPLOAD])
    if token is None:
        return CredentialCheck(Outcome.UNREADABLE)
    try:
        _header, claims = keys.verify(token)
    except keys.SignatureInvalid as error:
        outcome = Outcome.NOT_OURS if str(error) == "unknown key" else Outcome.BAD_SIGNATURE
        return CredentialCheck(outcome)
    issuer = claims.get("issuer")
    issuer = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer != issuer_id() or claims.get("iss") != issuer_id():
        return CredentialCheck(Outcome.NOT_OURS, claims=claims)
    check = CredentialCheck(
        Outcome.VALID,
        claims=claims,
        certificate=_certificate_for(claims),
        valid_from=_instant(claims.get("validFrom")),
        valid_until=_instant(claims.get("validUntil")),
    )
    expiry = claims.get("exp")
    if isinstance(expiry, int | float) and check.valid_until is None:
        check.valid_until = datetime.datetime.fromtimestamp(expiry, tz=datetime.UTC)
    if check.valid_until is not None and check.valid_until <= now:
        check.outcome = Outcome.EXPIRED
    elif check.valid_from is not None and check.valid_from > now:
        check.outcome = Outcome.NOT_YET_VALID
    else:
        revoked = _revoked(claims)
        if revoked is None:
            check.outcome = Outcome.BAD_SIGNATURE  # signed by us, yet no status of ours: refuse
        elif revoked:
            check.outcome = Outcome.REVOKED
    return check


def _certificate_for(claims: dict) -> Certificate | None:
    from ambassadors.certificates.credentials.badge import credential_id

    entry = claims.get("credentialStatus")
    try:
        index = int(entry.get("statusListIndex")) if isinstance(entry, dict) else None
    except (TypeError, ValueError):
        return None
    if index is None:
        return None
    certificate = (
        Certificate.objects.filter(status_list_index=index).select_related("ambassador").first()
    )
    if certificate is None or credential_id(certificate) != claims.get("id"):
        return None
    return certificate
