"""The OpenBadgeCredential of a certificate (Open Badges 3.0 on the W3C VC Data Model 2.0),
signed as a VC-JWT (OB 3.0 §8.2: the credential is the JWT payload, with iss, jti, nbf).

One credential per certificate: a correction re-issues it with the same id (the id is derived
from the verification code, which never changes) and the same status index. Texts are in the
holder's language; the achievement names the same title in the other languages alongside, as
`related` achievements each with its `@language` (the OB 3.0 way to offer translations).
"""

import datetime
import uuid

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ambassadors.certificates.credentials import keys, status_list
from ambassadors.certificates.models import Certificate
from ambassadors.certificates.titles import TITLE
from ambassadors.models import ModuleCompletion

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA_URL = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
_UUID_NAMESPACE = uuid.UUID("6f1d0c4e-2b7a-4d8e-9a51-0c7e3b9f1a22")  # our credential ids


def _absolute(name: str, **kwargs) -> str:
    return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs or None)}"


def issuer_id() -> str:
    return _absolute("credentials:issuer")


def issuer_profile() -> dict:
    """The association as OB 3.0 Profile (the credential's `issuer`, and the issuer document)."""
    association = settings.ASSOCIATION
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": association["name"],
        "url": settings.SITE_URL,
        "email": association["email"],
        "description": _(
            "The association that links İzmir with European cities through city diplomacy."
        ),
    }


def credential_id(certificate: Certificate) -> str:
    return f"urn:uuid:{uuid.uuid5(_UUID_NAMESPACE, certificate.code)}"


def achievement_url(year: int, language: str) -> str:
    return _absolute("credentials:achievement", year=year, language=language)


def _achievement_texts(year: int) -> dict:
    return {
        "name": _("İzmir Ambassador %(year)s") % {"year": year},
        "description": _(
            "The title “%(title)s” that the City of İzmir awards to opinion leaders who "
            "complete the training and implementation modules of the İzmir Ambassadors "
            "programme."
        )
        % {"title": TITLE},
    }


def achievement(year: int, language: str, modules: list | None = None) -> dict:
    """The achievement "İzmir Ambassador <year>" in `language`, with its criteria (the modules
    completed, when given) and the same achievement in every other language alongside."""
    with translation.override(language):
        texts = _achievement_texts(year)
        narrative = _("Completed every required module of the İzmir Ambassadors programme.")
        if modules:
            narrative += "\n\n" + "\n".join(f"- {module.title}" for module in modules)
        creator = issuer_profile()
    related = []
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        with translation.override(code):
            related.append(
                {
                    "id": achievement_url(year, code),
                    "type": ["Related"],
                    "@language": code,
                    "name": _achievement_texts(year)["name"],
                }
            )
    return {
        "id": achievement_url(year, language),
        "type": ["Achievement"],
        "achievementType": "Award",
        "@language": language,
        **texts,
        "criteria": {"narrative": narrative},
        "creator": creator,
        "related": related,
    }


def _completed_modules(certificate: Certificate) -> list:
    return [
        completion.module
        for completion in ModuleCompletion.objects.filter(
            ambassador_id=certificate.ambassador_id, module__required=True
        )
        .select_related("module")
        .order_by("module__order", "module__pk")
    ]


def _evidence(certificate: Certificate) -> list[dict]:
    statement = certificate.mission_statement
    if statement is None:
        return []
    goals = "\n".join(f"- {goal}" for goal in statement.goal_lines)
    return [
        {
            "type": ["Evidence"],
            "name": f"{statement.title} ({statement.year})",
            "description": _(
                "The mission statement of %(year)s: that year's goals from the mayor, signed "
                "by %(signatory)s."
            )
            % {"year": statement.year, "signatory": statement.signatory_name},
            "narrative": goals,
        }
    ]


def _timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def language_of(certificate: Certificate) -> str:
    return certificate.ambassador.user.preferred_language or settings.LANGUAGE_CODE


def credential(certificate: Certificate) -> dict:
    """The unsigned OpenBadgeCredential of the certificate's current version."""
    language = language_of(certificate)
    index = status_list.status_index_ensure(certificate)
    awarded = _timestamp(certificate.awarded_on)
    with translation.override(language):
        subject_achievement = achievement(
            certificate.year, language, _completed_modules(certificate)
        )
        return {
            "@context": CONTEXT,
            "id": credential_id(certificate),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": subject_achievement["name"],
            "description": _("Certificate %(number)s: %(title)s")
            % {"number": certificate.number, "title": TITLE},
            "issuer": issuer_profile(),
            "validFrom": awarded,
            # the 3.0 JSON schema (VC 1.1 era) still requires issuanceDate; same instant
            "issuanceDate": awarded,
            "awardedDate": awarded,
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": [
                    {
                        "type": "IdentityObject",
                        "identityHash": certificate.holder_name,
                        "identityType": "name",
                        "hashed": False,
                    }
                ],
                "achievement": subject_achievement,
            },
            "evidence": _evidence(certificate),
            "credentialStatus": status_list.status_entry(index),
            "credentialSchema": [{"id": SCHEMA_URL, "type": "1EdTechJsonSchemaValidator2019"}],
        }


def credential_jwt(certificate: Certificate) -> str:
    """The credential signed as VC-JWT: the credential is the payload, with the registered
    claims OB 3.0 maps from it (iss, jti, nbf) and the time of signing (iat)."""
    payload = credential(certificate)
    valid_from = datetime.datetime.fromisoformat(payload["validFrom"].replace("Z", "+00:00"))
    claims = {
        **payload,
        "iss": payload["issuer"]["id"],
        "jti": payload["id"],
        "nbf": int(valid_from.timestamp()),
        "iat": int(timezone.now().timestamp()),
    }
    return keys.sign(claims)


def enveloped(token: str) -> dict:
    """The VC-JWT as JSON: a VC 2.0 EnvelopedVerifiableCredential carrying it as a data: URL."""
    return {
        "@context": "https://www.w3.org/ns/credentials/v2",
        "id": f"data:application/vc+jwt,{token}",
        "type": "EnvelopedVerifiableCredential",
    }
