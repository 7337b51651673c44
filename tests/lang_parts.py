"""Helpers for the language-of-parts page tests (WCAG 3.1.2)."""

import re

from django.utils.html import escape

# A run of opening tags other than <html>; the \b keeps the tag name from being split in ways
# that make the search backtrack exponentially over long runs (the <meta>s and <link>s in <head>).
OPENING_TAGS = r"(?:<(?!html\b)[a-z][a-z0-9]*\b[^>]*>\s*)+"


def opening_tags_before(html: str, text: str) -> list[str]:
    """For each place an element starts with `text` (as the page escapes it), the opening tags
    right before it: the element and any elements it starts with, as in <h2><a href="…">Title
    (not <html>, whose lang is the page's)."""
    found = re.findall(OPENING_TAGS + re.escape(escape(text)), html)
    assert found, f"{text!r} is not the start of any element"
    return found


def marked(html: str, text: str, lang: str) -> bool:
    """Whether an element showing `text` says it is in `lang` (the <title> cannot)."""
    return any(f' lang="{lang}"' in tags for tags in opening_tags_before(html, text))


def unmarked(html: str, text: str) -> bool:
    """Whether no element starting with `text` has a lang attribute (it is in the page's
    language)."""
    return all(" lang=" not in tags for tags in opening_tags_before(html, text))
