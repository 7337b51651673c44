"""Opaque signed tokens for the links in bulletin mail: no address in them, nothing guessable."""

from django.core import signing

LINK_SALT = "newsletter.link"
CONFIRM_SALT = "newsletter.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def link_token(subscriber_token: str, issue_id: int = 0) -> str:
    """The token of a subscriber's unsubscribe and preferences links, valid for ever."""
    return signing.Signer(salt=LINK_SALT).sign(f"{subscriber_token}.{issue_id}")


def link_token_read(token: str) -> tuple[str, int] | None:
    """(subscriber token, issue id) or None for a forged or damaged token."""
    try:
        value = signing.Signer(salt=LINK_SALT).unsign(token)
        subscriber_token, issue_id = value.split(".")
        return subscriber_token, int(issue_id)
    except (signing.BadSignature, ValueError):
        return None


def confirm_token(subscriber_token: str) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber_token)


def confirm_token_read(token: str) -> tuple[str, str | None]:
    """("ok" | "expired" | "bad", subscriber token or None)."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        return "ok", signer.unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        return "expired", signer.unsign(token)
    except signing.BadSignature:
        return "bad", None
