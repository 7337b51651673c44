"""İzmir in capitals is İZMİR, in every language.

CSS `text-transform: uppercase` follows the language of the text: German, English, French,
Italian and Spanish rules turn the i of "İzmir" into I ("İZMIR"). Browsers and WeasyPrint apply
Turkish rules (i → İ) to text marked `lang="tr"`, so `{% turkish_words %}` marks each evidently
Turkish word in the HTML it wraps. Where CSS cannot be relied on (mail clients),
`{% capitals %}` upper-cases on the server by the same rule.

A word is evidently Turkish when it holds a letter that only Turkish spells (İ ı Ş ş Ğ ğ):
"İzmir", "Büyükşehir", "Karşıyaka". Names without one ("Bornova", the Latin "Izmir") are left
to the page's language, whose capitals are the same for them except for an i.
"""

import html
import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

TURKISH_WORD = re.compile(r"\w*[İıŞşĞğ]\w*")
TAG = re.compile(r"(<[^>]*>)")
TURKISH_LANGUAGES = ("tr", "az")


def turkish_words_marked(markup: str) -> str:
    """`markup` (HTML) with each Turkish word of its text wrapped in <span lang="tr">."""
    parts = TAG.split(markup)
    for index in range(0, len(parts), 2):  # the text between the tags, never a tag itself
        parts[index] = TURKISH_WORD.sub(r'<span lang="tr">\g<0></span>', parts[index])
    return "".join(parts)


def capitals(text: str, language: str | None = None) -> str:
    """`text` in capitals: Turkish words by Turkish rules, the rest by `language`'s."""
    if (language or get_language() or "").split("-")[0] in TURKISH_LANGUAGES:
        return text.replace("i", "İ").upper()
    return TURKISH_WORD.sub(lambda word: word.group(0).replace("i", "İ"), text).upper()


def capitals_html(markup: str) -> str:
    """`markup` (HTML) with the text between its tags in capitals; tags and entities intact."""
    parts = TAG.split(markup)
    for index in range(0, len(parts), 2):
        parts[index] = html.escape(capitals(html.unescape(parts[index])), quote=False)
    return "".join(parts)


class _Transform(template.Node):
    def __init__(self, nodelist, function):
        self.nodelist, self.function = nodelist, function

    def render(self, context):
        return mark_safe(self.function(self.nodelist.render(context)))


@register.tag
def turkish_words(parser, token):
    """{% turkish_words %}…{% endturkish_words %}: mark Turkish words lang="tr", so that CSS
    capitals write them by Turkish rules."""
    nodelist = parser.parse(("endturkish_words",))
    parser.delete_first_token()
    return _Transform(nodelist, turkish_words_marked)


@register.tag(name="capitals")
def capitals_tag(parser, token):
    """{% capitals %}…{% endcapitals %}: the text in capitals, written on the server."""
    nodelist = parser.parse(("endcapitals",))
    parser.delete_first_token()
    return _Transform(nodelist, capitals_html)
