"""Helpers for the language-of-parts page tests (WCAG 3.1.2)."""

import re

from django.utils.html import escape


def opening_tag_before(html: str, text: str) -> str:
    """The opening tag of the element whose content starts with `text` (as the page escapes it)."""
    match = re.search(r"<(\w+)([^>]*)>\s*" + re.escape(escape(text)), html)
    assert match, f"{text!r} is not the start of any element"
    return match.group(0)


def marked(html: str, text: str, lang: str) -> bool:
    """Whether the element showing `text` says it is in `lang`."""
    return f' lang="{lang}"' in opening_tag_before(html, text)


def unmarked(html: str, text: str) -> bool:
    """Whether the element showing `text` has no lang attribute (it is in the page's language)."""
    return " lang=" not in opening_tag_before(html, text)
