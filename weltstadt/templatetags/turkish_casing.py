"""İzmir in capitals is İZMİR, in every language.

CSS `text-transform: uppercase` follows the language of the text: German, English, French,
Italian and Spanish rules turn the i of "İzmir" into I ("İZMIR"). Browsers and WeasyPrint apply
Turkish rules (i → İ) to text marked `lang="tr"`, so `{% turkish_words %}` marks each evidently
Turkish word in the HTML it wraps. Where CSS cannot be relied on (mail clients, plain text),
the `capitals` filter upper-cases on the server by the same rule (Python's str.upper() and
Django's `upper` know no language: they too write "İZMIR").

A word is evidently Turkish when it holds a letter that only Turkish spells (İ ı Ş ş Ğ ğ):
"İzmir", "Büyükşehir", "Karşıyaka". Names without one ("Bornova", the Latin "Izmir") are left
to the page's language, whose capitals are the same for them except for an i.
"""

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


@register.filter
def capitals(text: str, language: str | None = None) -> str:
    """`text` in capitals: Turkish words by Turkish rules, the rest by `language`'s (by default
    the active language)."""
    text = str(text)
    if (language or get_language() or "").split("-")[0] in TURKISH_LANGUAGES:
        return text.replace("i", "İ").upper()
    return TURKISH_WORD.sub(lambda word: word.group(0).replace("i", "İ"), text).upper()


class _TurkishWordsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return mark_safe(turkish_words_marked(self.nodelist.render(context)))


@register.tag
def turkish_words(parser, token):
    """{% turkish_words %}…{% endturkish_words %}: mark Turkish words lang="tr", so that CSS
    capitals write them by Turkish rules."""
    nodelist = parser.parse(("endturkish_words",))
    parser.delete_first_token()
    return _TurkishWordsNode(nodelist)
