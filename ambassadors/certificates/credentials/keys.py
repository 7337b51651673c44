"""The association's credential keys (settings.CREDENTIAL_KEYS) and VC-JWT signing with joserfc.

The first key signs; every configured key is published (the JWK set and one URL per key), so a
credential signed before a key rotation keeps verifying by its `kid`. Retire a key only once no
credential it signed should verify any more.
"""

import json
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet

ALGORITHM = "ES256"
MEDIA_TYPE = "vc+jwt"  # the `typ` of a JWT-secured verifiable credential (VC-JOSE-COSE)


class SignatureInvalid(Exception):
    """The token is no JWS, names no key of ours, or its signature does not match."""


@lru_cache(maxsize=4)
def _key_set(raw: str) -> KeySet:
    return KeySet.import_key_set({"keys": json.loads(raw)})


def key_set() -> KeySet:
    return _key_set(json.dumps(settings.CREDENTIAL_KEYS, sort_keys=True))


def key_url(kid: str) -> str:
    """The URL a JWT's `kid` header names: it answers with that public key as a JWK."""
    return f"{settings.SITE_URL}{reverse('credentials:key', kwargs={'kid': kid})}"


def public_jwk(key: ECKey) -> dict:
    return {**key.as_dict(private=False), "use": "sig", "alg": ALGORITHM}


def public_jwks() -> dict:
    """Every configured key, public part only."""
    return {"keys": [public_jwk(key) for key in key_set().keys]}


def public_key(kid: str) -> ECKey | None:
    for key in key_set().keys:
        if key.kid == kid:
            return key
    return None


def sign(claims: dict) -> str:
    """A compact JWS of `claims` with the current signing key (the first configured)."""
    key = key_set().keys[0]
    header = {"alg": ALGORITHM, "typ": MEDIA_TYPE, "kid": key_url(key.kid)}
    return jwt.encode(header, claims, key, algorithms=[ALGORITHM])


def verify(token: str) -> tuple[dict, dict]:
    """The (header, claims) of a token signed with one of our keys; SignatureInvalid otherwise."""
    try:
        header = jws.extract_compact(token.encode("ascii")).headers()
    except (JoseError, ValueError, UnicodeError, RecursionError) as error:
        raise SignatureInvalid("not a compact JWS") from error
    kid = str(header.get("kid", ""))
    key = public_key(kid.rsplit("/", 1)[-1] if kid.startswith(settings.SITE_URL) else kid)
    if key is None or header.get("alg") != ALGORITHM:
        raise SignatureInvalid("unknown key")
    try:
        token_ = jwt.decode(token, key, algorithms=[ALGORITHM])
    except (JoseError, ValueError, RecursionError) as error:
        raise SignatureInvalid("bad signature") from error
    if not isinstance(token_.claims, dict):
        raise SignatureInvalid("claims are not an object")
    return dict(token_.header), token_.claims
