"""The editions of an issue: which languages are complete, and the shared body of the mail.

The body of an edition is rendered once per issue, language and version and kept in the cache;
each mail only adds its recipient's links around it.
"""

import re
import textwrap

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from newsletter.models import Article, Issue
from newsletter.richtext import richtext_clean, richtext_to_text

EDITION_TIMEOUT = 7 * 24 * 3600
# Rendered editions are immutable per key (the version is part of it), so each worker process
# keeps the few it is sending and skips even the cache round trip.
_memo: dict[str, dict] = {}
_MEMO_SIZE = 32
_TEXT_MARK = re.compile(r"^(\s*(?:-|\d+\.|>)\s+)")
_BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|div|ul|ol|blockquote|table|tr)>)")


def edition_complete_languages(issue: Issue, articles: list[Article]) -> list[str]:
    """The languages in which the issue's title and every article's title and text exist."""
    complete = []
    for code, _name in settings.LANGUAGES:
        fields_ok = bool(getattr(issue, f"title_{code}", ""))
        fields_ok = fields_ok and all(
            getattr(a, f"title_{code}", "") and getattr(a, f"body_{code}", "") for a in articles
        )
        if fields_ok and articles:
            complete.append(code)
    return complete


def edition_for(wanted: str, complete: list[str]) -> str | None:
    """The edition a reader of `wanted` gets: theirs, else the fallback languages, else any."""
    if wanted in complete:
        return wanted
    for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
        if code in complete:
            return code
    return complete[0] if complete else None


def edition_map(complete: list[str]) -> dict[str, str]:
    """For every site language, the edition its readers get."""
    return {
        code: edition
        for code, _name in settings.LANGUAGES
        if (edition := edition_for(code, complete)) is not None
    }


def _edition_key(issue_id: int, language: str, version: int) -> str:
    return f"newsletter:edition:{issue_id}:{language}:{version}"


def _html_short_lines(html: str) -> str:
    """HTML with lines under 998 characters (RFC 5322), so that the mail is sent as 8bit
    rather than quoted-printable, which Python encodes slowly, character by character."""
    html = _BLOCK_END.sub("\\1\n", html)
    return "\n".join(
        textwrap.fill(line, 500, break_long_words=False, break_on_hyphens=False)
        if len(line) > 500
        else line
        for line in html.splitlines()
    )


def _text_line_wrapped(line: str) -> str:
    # A list item's or a quote's continuation lines stay under its text.
    mark = _TEXT_MARK.match(line)
    indent = "" if mark is None else mark.group(1) if ">" in mark.group(1) else " " * mark.end()
    return textwrap.fill(
        line, 76, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _text_wrapped(text: str) -> str:
    return "\n".join(
        _text_line_wrapped(line) if len(line) > 76 else line for line in text.splitlines()
    )


def edition_render(issue_id: int, *, language: str, version: int) -> dict:
    """The shared part of a bulletin mail in `language`: rendered once per issue, language and
    version, then taken from this process's memory or the cache."""
    key = _edition_key(issue_id, language, version)
    if key in _memo:
        return _memo[key]
    edition = cache.get(key)
    if edition is None:
        issue = Issue.objects.get(pk=issue_id)
        articles = list(issue.articles.all())
        with translation.override(language):
            issue.intro_clean = mark_safe(richtext_clean(issue.intro or ""))
            issue.intro_text = richtext_to_text(issue.intro_clean)
            for article in articles:
                article.body_clean = mark_safe(richtext_clean(article.body))
                article.body_text = richtext_to_text(article.body_clean)
            context = {
                "issue": issue,
                "articles": articles,
                "site_url": settings.SITE_URL,
                "language": language,
            }
            edition = {
                "number": issue.number,
                "title": issue.title,
                "path": issue.get_absolute_url(),
                "html": _html_short_lines(
                    render_to_string("emails/newsletter/edition.html", context)
                ),
                "text": _text_wrapped(render_to_string("emails/newsletter/edition.txt", context)),
            }
        cache.set(key, edition, EDITION_TIMEOUT)
    if len(_memo) >= _MEMO_SIZE:
        _memo.clear()
    _memo[key] = edition
    return edition
