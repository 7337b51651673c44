"""Free-text addresses as schema.org PostalAddress objects.

Addresses are typed by staff as one text ("Am Markt 21, 28195 Bremen"); what is known for sure
(the city and country of the office or summit) is passed in and wins over what the text seems
to say.
"""

import re

POSTAL_CODE_AND_PLACE = re.compile(r"^(\d{4,6})\s+(\S.*)$")


def postal_address(text: str, *, locality: str = "", country: str = "") -> dict | None:
    """A PostalAddress for `text`: street, postal code and place where the text has the usual
    "street, 12345 Place, Country" form; `locality` and `country` (ISO code) from the data.
    None when there is nothing to say."""
    parts = [part.strip() for line in text.splitlines() for part in line.split(",")]
    parts = [part for part in parts if part]
    address: dict = {"@type": "PostalAddress"}
    found = next((i for i, part in enumerate(parts) if POSTAL_CODE_AND_PLACE.match(part)), None)
    if found is not None:
        code, place = POSTAL_CODE_AND_PLACE.match(parts[found]).groups()
        address["postalCode"] = code
        address["addressLocality"] = place
        street, after = parts[:found], parts[found + 1 :]
        if after:
            address["addressCountry"] = after[-1]
    elif locality and parts and parts[-1].casefold() == locality.casefold():
        street = parts[:-1]
    elif not locality and len(parts) >= 2 and not any(c.isdigit() for c in parts[-1]):
        # "Bremen, Deutschland": a place and a country
        address["addressLocality"], address["addressCountry"] = parts[-2], parts[-1]
        street = parts[:-2]
    else:
        street = parts
    if street:
        address["streetAddress"] = ", ".join(street)
    if locality:
        address["addressLocality"] = locality
    if country:
        address["addressCountry"] = country
    return address if len(address) > 1 else None
