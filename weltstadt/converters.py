"""URL converters for the secret tokens in links (registration, ballot, expert, bulletin).

A token segment matches only the token's own alphabet and length, so a damaged or hostile segment
(a NUL byte, a quote, a 10 000-character string) is a plain 404 before any view or database query
sees it. `register_converter` in weltstadt/urls.py makes them available to every app's urls.py.
"""

from django.urls import register_converter
from django.urls.converters import get_converters


class LinkTokenConverter:
    """`secrets.token_urlsafe(n)` for n in 12..48: URL-safe base64, 16 to 64 characters."""

    regex = r"[A-Za-z0-9_-]{16,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class SignedTokenConverter(LinkTokenConverter):
    """A value signed with django.core.signing: base64 parts joined by ':' and '.'."""

    regex = r"[A-Za-z0-9_.:-]{1,200}"


class HexSecretConverter(LinkTokenConverter):
    """A secret in hexadecimal digits, such as the webhook secret (an HMAC cut to 40 digits)."""

    regex = r"[0-9a-f]{16,128}"


class KeyIdConverter(LinkTokenConverter):
    """The `kid` of a published credential key."""

    regex = r"[A-Za-z0-9_-]{1,64}"


class LanguageCodeConverter(LinkTokenConverter):
    """A language code of the site (which ones, the view checks against LANGUAGES)."""

    regex = r"[a-z]{2}"


class BadgeFormatConverter(LinkTokenConverter):
    """The forms of a downloaded credential: JSON, or baked into a PNG or SVG badge."""

    regex = r"json|png|svg"


CONVERTERS = {
    "linktoken": LinkTokenConverter,
    "signedtoken": SignedTokenConverter,
    "hexsecret": HexSecretConverter,
    "keyid": KeyIdConverter,
    "langcode": LanguageCodeConverter,
    "badgeformat": BadgeFormatConverter,
}


def register() -> None:
    """Register each converter once (the app's ready() and the root URLconf both ask, so that
    an app's urls.py imported on its own, as a test may, finds them too)."""
    known = get_converters()
    for name, converter in CONVERTERS.items():
        if name not in known:
            register_converter(converter, name)
