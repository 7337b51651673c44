"""The site search: a reader's words against the index of their language, best first, with the
words marked in the title and a snippet. Two queries for any number of documents (count, at
most to MAX_COUNTED, and page).

PostgreSQL: each word matches when its stem (the language's configuration) or its folded form
as a prefix ("izm" finds İzmir) is in the document's vector; every word must match. Ranked by
ts_rank, titles weighing most; ts_headline marks the words. SQLite: the same words, folded, must
occur in the folded text; titles that contain them come first, and Python marks them."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.models import SearchDocument
from search.vectors import config_for, vectors_enabled
from weltstadt.text_search import Fold, fold

PER_PAGE = 20
# a search found in nearly every document ("izmir") is not counted past this: no one reads
# fifty pages of results, and counting all would cost as much as ranking them
MAX_COUNTED = 1000
MAX_WORDS = 10
MAX_QUERY_LENGTH = 200
START, STOP = "\ue000", "\ue001"
SNIPPET_CHARS = 220


class CappedPaginator(Paginator):
    """Counts at most MAX_COUNTED results (`capped` says there are more)."""

    capped = False

    @cached_property
    def count(self) -> int:
        found = self.object_list.order_by().values("pk")[: MAX_COUNTED + 1].count()
        self.capped = found > MAX_COUNTED
        return min(found, MAX_COUNTED)


@dataclass
class Result:
    document: SearchDocument
    title: SafeString
    snippet: SafeString

    @property
    def kind_label(self) -> str:
        return self.document.get_kind_display()


def query_words(query: str) -> list[str]:
    """The words of a search as typed (at most ten), without blanks and control characters."""
    query = re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", query or "")[:MAX_QUERY_LENGTH]
    return [word[:60] for word in query.split()][:MAX_WORDS]


def _folded_tokens(word: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(word))


def _tsquery(words: list[str], config: str) -> SearchQuery | None:
    combined = None
    for word in words:
        part = SearchQuery(word, config=config, search_type="plain")
        tokens = _folded_tokens(word)
        if tokens:
            prefixes = " & ".join(f"{token}:*" for token in tokens)
            part = part | SearchQuery(prefixes, config="simple", search_type="raw")
        combined = part if combined is None else combined & part
    return combined


def _postgres(documents: QuerySet, words: list[str], language: str) -> QuerySet:
    config = config_for(language)
    query = _tsquery(words, config)
    marks = {"start_sel": START, "stop_sel": STOP}
    return (
        documents.filter(vector=query)
        .annotate(
            rank=SearchRank(F("vector"), query),
            title_marked=SearchHeadline("title", query, config=config, highlight_all=True, **marks),
            snippet_marked=SearchHeadline(
                "body",
                query,
                config=config,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
                **marks,
            ),
        )
        .order_by("-rank", "title", "pk")
    )


def _sqlite(documents: QuerySet, words: list[str]) -> QuerySet:
    folded = [key for key in (fold(word) for word in words) if key]
    title_match = Q()
    for key in folded:
        documents = documents.filter(folded__contains=key)
        title_match &= Q(title_folded__contains=key)
    return (
        documents.alias(title_folded=Fold("title"))
        .annotate(
            rank=Case(
                When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("-rank", "title", "pk")
    )


def _from_marks(text: str) -> SafeString:
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def mark_words(text: str, words: list[str], *, snippet: bool = False) -> SafeString:
    """`text` escaped, with every folded occurrence of `words` in <mark>; as a snippet, only
    the passage around the first one."""
    # fold() keeps one character per character except ß → ss: map folded offsets back
    folded, origin = [], []
    for index, char in enumerate(text):
        key = fold(char)
        folded.append(key)
        origin.extend([index] * len(key))
    folded_text = "".join(folded)
    spans = []
    for word in {fold(word) for word in words if word}:
        for found in re.finditer(re.escape(word), folded_text):
            end = found.end() - 1
            spans.append((origin[found.start()], origin[end] + 1))
    spans.sort()
    start, stop = 0, len(text)
    if snippet:
        first = spans[0][0] if spans else 0
        start = max(0, first - SNIPPET_CHARS // 3)
        stop = min(len(text), start + SNIPPET_CHARS)
    out, cursor = [], start
    for begin, end in spans:
        if begin < cursor or end > stop:
            continue
        out += [escape(text[cursor:begin]), "<mark>", escape(text[begin:end]), "</mark>"]
        cursor = end
    out.append(escape(text[cursor:stop]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if stop < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)


def search_page(*, query: str, language: str, page: int | str | None = 1) -> Page | None:
    """One page of results (`Result`s in page.object_list) for the reader's language, or None
    when the search has no words."""
    words = query_words(query)
    if not words:
        return None
    documents = SearchDocument.objects.filter(language=language).only(
        "kind", "title", "body", "url", "text_language", "language"
    )
    if vectors_enabled():
        documents = _postgres(documents, words, language)
    else:
        documents = _sqlite(documents, words)
    found = CappedPaginator(documents, PER_PAGE).get_page(page)
    results = []
    for document in found.object_list:
        if vectors_enabled():
            title = _from_marks(document.title_marked)
            snippet = _from_marks(document.snippet_marked) if document.body else mark_safe("")
        else:
            title = mark_words(document.title, words)
            snippet = mark_words(document.body, words, snippet=True)
        results.append(Result(document=document, title=title, snippet=snippet))
    found.object_list = results
    return found
