"""Sanitising of the articles' rich text: a small allow-list, everything else removed (nh3)."""

import re

import html2text
import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "h3", "h4", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}


def richtext_clean(html: str) -> str:
    """Return `html` with only the allowed tags; links get rel=noopener noreferrer."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def richtext_to_text(html: str) -> str:
    """The plain-text part of rich text: paragraphs, list items ("- "), headings and quotes keep
    their structure, and links keep their address ("[text](https://…)"), by html2text."""
    converter = html2text.HTML2Text()
    converter.body_width = 0  # the mail wraps its lines itself
    converter.unicode_snob = True  # İ, ş, ğ stay as they are
    converter.ignore_emphasis = True
    converter.ignore_images = True
    converter.ul_item_mark = "-"
    converter.protect_links = False
    converter.wrap_links = False
    lines = [line.rstrip() for line in converter.handle(html).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
