"""The one strict way the master plan reads whole numbers from requests and files.

`str.isdigit()` accepts "²", "٣" or "①", which `int()` then refuses (a 500); only ASCII digits
are numbers here, and a number too long to be an id or a year is no number either.
"""

import re

_DIGITS = re.compile(r"[0-9]{1,9}")


def whole_number(text: str | None) -> int | None:
    """The number written in plain ASCII digits (surrounding spaces allowed), else None."""
    text = (text or "").strip()
    return int(text) if _DIGITS.fullmatch(text) else None
