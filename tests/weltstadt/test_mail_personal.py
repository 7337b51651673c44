"""Issue 14: a group of like mails is rendered once and personalised per recipient; what cannot
be filled in safely is built in full (weltstadt.mail_personal)."""

from types import SimpleNamespace

import pytest

from weltstadt import mail_personal
from weltstadt.mail_personal import group_for, message_bytes, personalised

TEMPLATE = "weltstadt/test_message"


@pytest.fixture(autouse=True)
def _sender_is_personal(monkeypatch):
    monkeypatch.setitem(mail_personal.PERSONAL_FIELDS, TEMPLATE, ("sender",))


def _mail(to="reader1@example.org", sender="Staff-member-number-0001", **headers):
    return SimpleNamespace(
        template=TEMPLATE,
        language="tr",
        context={"sender": sender},
        headers={"List-Unsubscribe": f"<https://example.org/u/{sender}/>", **headers},
        to=to,
        attachments=[],
    )


def _full(mail, content: bytes, boundary: str) -> bytes:
    """The message built in full with the fast one's Message-ID, Date and boundary."""
    import email

    parsed = email.message_from_bytes(content)
    return mail_personal._full_bytes(
        SimpleNamespace(boundary=boundary), mail, message_id=parsed["Message-ID"],
        date=parsed["Date"],
    )  # fmt: skip


def test_each_recipient_gets_the_message_a_full_build_gives_them():
    first, second = _mail(), _mail(to="reader2@example.org", sender="Staff-member-number-0002")
    local = {}
    group, values = group_for(first, local)
    assert group_for(second, local)[0] is group  # one group, rendered once
    one = message_bytes(group, first, values)
    two = message_bytes(group, second, group_for(second, local)[1])
    assert one is not None
    assert two is not None
    assert one == _full(first, one, group.boundary)
    assert two == _full(second, two, group.boundary)
    assert b"Staff-member-number-0002" in two
    assert b"Staff-member-number-0001" not in two


def test_what_escaping_or_encoding_would_change_is_built_in_full():
    local = {}
    html_special = _mail(sender="Staff&member<number>-0001")
    group, values = group_for(html_special, local)
    assert personalised(group, values) is None
    assert message_bytes(group, html_special, values) is None
    unicode_address = _mail(to="okur@örnek.com.tr")
    group, values = group_for(unicode_address, local)
    assert message_bytes(group, unicode_address, values) is None
    longer = _mail(sender="Staff-member-number-0001"), _mail(sender="Staff-member-number-00010")
    group, _ = group_for(longer[0], local)
    assert group_for(longer[1], local)[0] is not group  # a placeholder per value length
