"""Bulk mail rendered once and personalised per recipient.

A bulletin batch sends the same edition to hundreds of readers who differ only in their address
and two links. Rendering the templates and building the MIME message for each of them is most of
the time of a send, so the outbox renders each group of like messages once, with placeholders
where the personal values go, and fills those in per recipient: in the rendered text (every mail
backend) and, for SMTP, in the finished message bytes.

Guarantees: a personalised message is the message the templates would have given for that
recipient. Only the context values named in PERSONAL_FIELDS are filled in (templates that use
them verbatim); a value that escaping or encoding would change (not plain ASCII, or HTML-special),
an address that is not plain ASCII, or a group whose filled-in bytes differ from a full build for
its first recipient is built in full instead.
"""

import json
import re
import secrets
from dataclasses import dataclass
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail.message import DNS_NAME
from django.utils.html import escape

from weltstadt.mail import RenderedMail, mail_build, mail_render

# Bulk templates: their output depends on their context alone (the bulletin's edition is keyed by
# the version), so a worker process keeps their rendered groups from batch to batch; and
# the context values that are the recipient's own, which they use verbatim.
PERSONAL_FIELDS = {"newsletter/issue": ("u", "p")}
_BULK_GROUPS_MAX = 64
_bulk_groups: dict[tuple, "Group"] = {}

_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
_MARK = secrets.token_hex(6)  # placeholders no content can contain by chance
TO_MARK = f"wsto{_MARK}@personal.invalid"
ID_MARK = f"wsid{_MARK}@personal.invalid"
DATE_MARK = f"wsdt{_MARK}".ljust(len(formatdate()), "x")  # a Date header's length never varies


def _placeholder(name: str, length: int = 0) -> str:
    # as long as the value it stands for, so that headers fold where they would with the value
    mark = f"ws{name}{_MARK}"
    return mark + "x" * (length - len(mark))


def _plain(value: str) -> bool:
    return value.isascii() and escape(value) == value and " " not in value


@dataclass
class Group:
    """Rows that share template, language and every value but the personal ones."""

    template: str
    language: str
    rendered: RenderedMail
    headers: dict
    bytes_template: bytes | None = None
    checked: bool = False
    boundary: str | None = None


def group_key(mail) -> tuple[tuple, dict]:
    """(key shared by like rows, the row's personal values by placeholder)."""
    names = PERSONAL_FIELDS.get(mail.template, ())
    marks = {n: _placeholder(n, len(str(mail.context[n]))) for n in names if mail.context.get(n)}
    values = {marks[n]: mail.context[n] for n in marks}
    context = {k: marks.get(k, v) for k, v in mail.context.items()}
    headers = dict(mail.headers)
    for mark, value in values.items():
        headers = {k: v.replace(value, mark) for k, v in headers.items()}
    shared = json.dumps([context, headers], sort_keys=True, default=str)
    return (mail.template, mail.language, shared), values


def group_for(mail, local: dict) -> tuple[Group, dict]:
    """The row's group, rendered once (per process for bulk templates, else per delivery in
    `local`), and the row's personal values."""
    key, values = group_key(mail)
    store = _bulk_groups if mail.template in PERSONAL_FIELDS else local
    group = store.get(key)
    if group is None:
        group = store[key] = _group_render(mail, key)
        if store is _bulk_groups and len(store) > _BULK_GROUPS_MAX:
            store.pop(next(iter(store)))
    return group, values


def _group_render(mail, key: tuple) -> Group:
    """Render the shared message of the row's group (placeholders for personal values)."""
    context, headers = json.loads(key[2])
    rendered = mail_render(mail.template, language=mail.language, context=context)
    return Group(
        template=mail.template,
        language=mail.language,
        rendered=rendered,
        headers=headers,
    )


def _fill(text: str | None, values: dict) -> str | None:
    if text is None:
        return None
    for mark, value in values.items():
        text = text.replace(mark, value)
    return text


def personalised(group: Group, values: dict) -> RenderedMail | None:
    """The row's own rendered mail, or None where a value cannot be filled in safely."""
    if not all(_plain(value) for value in values.values()):
        return None
    rendered = group.rendered
    return RenderedMail(
        subject=_fill(rendered.subject, values),
        text=_fill(rendered.text, values),
        html=_fill(rendered.html, values),
    )


def personalised_headers(group: Group, values: dict) -> dict:
    return {k: _fill(v, values) for k, v in group.headers.items()}


def _full_bytes(group: Group, mail, *, message_id: str, date: str) -> bytes:
    rendered = mail_render(mail.template, language=mail.language, context=mail.context)
    message = mail_build(
        rendered,
        to=mail.to,
        language=mail.language,
        headers={**mail.headers, "Message-ID": message_id, "Date": date},
    ).message()
    if group.boundary:
        message.set_boundary(group.boundary)  # else random: the one difference allowed
    return message.as_bytes(linesep="\r\n")


def message_bytes(group: Group, mail, values: dict) -> bytes | None:
    """The row's message as SMTP bytes from the group's shared bytes, or None where the row
    must be built in full (see the module docstring)."""
    if group.bytes_template == b"":
        return None  # the group failed its check
    if not _PLAIN_ADDRESS.fullmatch(mail.to) or not all(
        _plain(value) and len(value) == len(mark) for mark, value in values.items()
    ):
        return None
    if group.bytes_template is None:
        shared = mail_build(
            group.rendered,
            to=TO_MARK,
            language=group.language,
            headers={**group.headers, "Message-ID": f"<{ID_MARK}>", "Date": DATE_MARK},
        )
        message = shared.message()
        group.bytes_template = message.as_bytes(linesep="\r\n")
        group.boundary = message.get_boundary()
    message_id = make_msgid(domain=DNS_NAME)
    date = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    content = group.bytes_template.replace(TO_MARK.encode(), mail.to.encode())
    content = content.replace(f"<{ID_MARK}>".encode(), message_id.encode())
    content = content.replace(DATE_MARK.encode(), date.encode(), 1)
    for mark, value in values.items():
        content = content.replace(mark.encode(), value.encode())
    if _MARK.encode() in content:
        return None  # a placeholder was split or encoded: build this one in full
    if not group.checked:
        # the first of each group is compared with a full build: folding or transfer encoding
        # that a placeholder's length would change shows up here, and the group goes slow
        group.checked = True
        full = _full_bytes(group, mail, message_id=message_id, date=date)
        if full != content:
            group.bytes_template = b""
            return None
    return content
