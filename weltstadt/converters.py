"""URL converters for the secret tokens in links (registration, ballot, expert, bulletin).

A token segment matches only the token's own alphabet and length, so a damaged or hostile segment
(a NUL byte, a quote, a 10 000-character string) is a plain 404 before any view or database query
sees it. `register_converter` in weltstadt/urls.py makes them available to every app's urls.py.
"""

from django.urls import register_converter


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


def register() -> None:
    register_converter(LinkTokenConverter, "linktoken")
    register_converter(SignedTokenConverter, "signedtoken")
    register_converter(HexSecretConverter, "hexsecret")
