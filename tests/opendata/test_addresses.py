"""Free-text addresses as schema.org PostalAddress: what the data knows for sure wins."""

import pytest

from opendata.addresses import postal_address


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        (
            "Am Markt 21, 28195 Bremen",
            {"locality": "Bremen", "country": "DE"},
            {"streetAddress": "Am Markt 21", "postalCode": "28195", "addressLocality": "Bremen",
             "addressCountry": "DE"},
        ),
        (
            "Mithatpaşa Cad. No: 138, Güzelyalı, Konak, İzmir",
            {"locality": "İzmir", "country": "TR"},
            {"streetAddress": "Mithatpaşa Cad. No: 138, Güzelyalı, Konak",
             "addressLocality": "İzmir", "addressCountry": "TR"},
        ),
        (
            "Schlachte 3\n28195 Bremen\nDeutschland",
            {},
            {"streetAddress": "Schlachte 3", "postalCode": "28195", "addressLocality": "Bremen",
             "addressCountry": "Deutschland"},
        ),
        ("Bremen, Deutschland", {}, {"addressLocality": "Bremen", "addressCountry": "Deutschland"}),
        ("", {"locality": "Wien", "country": "AT"}, {"addressLocality": "Wien",
                                                      "addressCountry": "AT"}),
    ],
)  # fmt: skip
def test_an_address_is_split_where_its_form_is_clear(text, known, expected):
    assert postal_address(text, **known) == {"@type": "PostalAddress", **expected}


def test_nothing_known_is_no_address():
    assert postal_address("") is None
