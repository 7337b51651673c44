"""Certificate numbers: `IZB-<year>-<NNNN>`, per year, without gaps, never reused."""

import re

from django.db import IntegrityError, transaction

from ambassadors.certificates.models import CertificateCounter

PREFIX = "IZB"


NUMBER_PATTERN = re.compile(rf"^{PREFIX}-?(\d{{4}})-?(\d{{1,6}})$", re.IGNORECASE)


def number_parse(text: str) -> str | None:
    """The certificate number as printed, from how people type it ("izb 2026 0001",
    "IZB-2026-1"), or None if it is not a number."""
    match = NUMBER_PATTERN.match("-".join(text.replace("/", " ").split()))
    if match is None:
        return None
    return number_format(year=int(match[1]), sequence=int(match[2]))


def number_format(*, year: int, sequence: int) -> str:
    return f"{PREFIX}-{year}-{sequence:04d}"


def number_allocate(*, year: int) -> int:
    """The next sequence number of `year`, taken inside the caller's transaction.

    Guarantees: the counter row is locked until the caller's transaction ends, so concurrent
    awards queue up; if that transaction rolls back, so does the number, leaving no gap.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_allocate must run inside the transaction that uses the number")
    try:
        with transaction.atomic():
            CertificateCounter.objects.get_or_create(year=year)
    except IntegrityError:  # created by a concurrent award a moment ago
        pass
    counter = CertificateCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
