"""Sanitising of the articles' rich text: a small allow-list, everything else removed (nh3)."""

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
