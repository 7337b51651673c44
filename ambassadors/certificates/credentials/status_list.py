"""Revocation published as a W3C Bitstring Status List: one list of SIZE bits, one bit per
certificate (`Certificate.status_list_index`), set while the certificate is revoked.

The list is built from the database on each request, so a revocation or a reinstatement shows in
it at once; it is signed like the credentials (a VC-JWT). Indexes are drawn at random (the spec's
advice, so neighbouring bits do not tell who was awarded together) and never reused.
"""

import base64
import datetime
import gzip
import secrets
import zlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ambassadors.certificates.credentials import keys
from ambassadors.certificates.models import Certificate

SIZE = 131072  # 16 KiB, the minimum the spec asks for, so one bit says little about its owner
PURPOSE = "revocation"


def list_url() -> str:
    return f"{settings.SITE_URL}{reverse('credentials:status_list')}"


def encode(indexes) -> str:
    """The bitstring with `indexes` set (index 0 is the left-most bit), GZIP-compressed, as
    multibase base64url ("u" prefix, no padding)."""
    bits = bytearray(SIZE // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).decode("ascii")
    return "u" + packed.rstrip("=")


def decode(encoded: str) -> bytes:
    """The bitstring of an `encodedList`; ValueError when it is not one (or not one of ours)."""
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    data = encoded[1:]
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip framing, bounded output
    bits = inflater.decompress(raw, SIZE // 8 + 1)
    if len(bits) != SIZE // 8:
        raise ValueError("wrong length")
    return bits


def bit_is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def revoked_indexes() -> list[int]:
    return list(
        Certificate.objects.filter(status=Certificate.Status.REVOKED)
        .exclude(status_list_index=None)
        .values_list("status_list_index", flat=True)
    )


def status_list_credential(*, now: datetime.datetime | None = None) -> dict:
    """The BitstringStatusListCredential as it stands now."""
    from ambassadors.certificates.credentials.badge import issuer_id

    url = list_url()
    now = now or timezone.now()
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id(),
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(revoked_indexes()),
        },
    }


def status_list_jwt() -> str:
    credential = status_list_credential()
    claims = {
        **credential,
        "iss": credential["issuer"],
        "jti": credential["id"],
        "iat": int(timezone.now().timestamp()),
    }
    return keys.sign(claims)


def status_entry(index: int) -> dict:
    """The `credentialStatus` of the credential whose bit is `index`."""
    url = list_url()
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def status_index_ensure(certificate: Certificate) -> int:
    """The certificate's index in the list, drawn now if it has none (a certificate awarded
    before credentials existed, or made outside the award service). Stable: never changes."""
    if certificate.status_list_index is not None:
        return certificate.status_list_index
    for _attempt in range(20):
        index = secrets.randbelow(SIZE)
        if Certificate.objects.filter(status_list_index=index).exists():
            continue
        try:
            with transaction.atomic():
                changed = Certificate.objects.filter(
                    pk=certificate.pk, status_list_index=None
                ).update(status_list_index=index)
        except IntegrityError:  # taken meanwhile by another certificate: draw again
            continue
        if not changed:  # another request gave it its index first
            certificate.refresh_from_db(fields=["status_list_index"])
            return certificate.status_list_index
        certificate.status_list_index = index
        return index
    raise RuntimeError("no free index in the status list")
