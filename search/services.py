"""Writes of the search index. Every public item has one SearchDocument per language; these
functions are the only way rows are made, changed or removed."""

import contextlib
import contextvars
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import translation

from search.models import SearchDocument
from search.sources import SOURCES, Source, source_for
from search.vectors import vectors_update
from weltstadt.templatetags.weltstadt_lang import shown_language
from weltstadt.text_search import fold

# the highlight marks of search.selectors; never part of indexed text
MARKS = str.maketrans("", "", "\ue000\ue001")
_deferred = contextvars.ContextVar("search_indexing_deferred", default=False)


def _documents(source: Source, objects: Iterable[Model]) -> list[SearchDocument]:
    content_type = ContentType.objects.get_for_model(source.model)
    documents = []
    for obj in objects:
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                text = source.text(obj)
                title = str(text.title or "").translate(MARKS)[:400]
                body = str(text.body or "").translate(MARKS)
                documents.append(
                    SearchDocument(
                        kind=source.kind,
                        content_type=content_type,
                        object_id=obj.pk,
                        language=language,
                        text_language=(
                            shown_language(obj, text.language_field)
                            if text.language_field
                            else language
                        ),
                        title=title,
                        body=body,
                        url=source.url(obj),
                        folded=fold(f"{title}\n{body}"),
                    )
                )
    return documents


@transaction.atomic
def index_objects(*, source: Source, pks: Iterable[int]) -> int:
    """Make the documents of these items of `source` match the database now: the public ones
    get fresh documents in every language, the others (unpublished, deleted) none.
    Returns the number of documents written."""
    pks = list(pks)
    if not pks:
        return 0
    content_type = ContentType.objects.get_for_model(source.model)
    SearchDocument.objects.filter(content_type=content_type, object_id__in=pks).delete()
    documents = _documents(source, source.public().filter(pk__in=pks))
    SearchDocument.objects.bulk_create(documents, batch_size=500)
    vectors_update(SearchDocument.objects.filter(content_type=content_type, object_id__in=pks))
    return len(documents)


@transaction.atomic
def documents_rebuild() -> int:
    """The whole index afresh from the public items (for `manage.py search_rebuild`, the demo,
    after a bulk import). Returns the number of documents."""
    SearchDocument.objects.all().delete()
    total = 0
    for source in SOURCES:
        documents = _documents(source, source.public().iterator(chunk_size=500))
        SearchDocument.objects.bulk_create(documents, batch_size=1000)
        total += len(documents)
    vectors_update(SearchDocument.objects.all())
    return total


def reindex_on_commit(instance: Model, *, deleted: bool = False) -> None:
    """After the current transaction commits, re-index `instance` (if it is indexed) and the
    indexed items whose public state or text depend on it (an issue's articles, a plan's
    objectives). Nothing is queried before the commit. A deleted instance takes its documents
    with it; the items that depended on it are deleted or changed by the database, and those
    send their own signals."""
    if _deferred.get() or instance.pk is None:
        return
    pk, label = instance.pk, instance._meta.label
    source = source_for(type(instance))
    dependents = [] if deleted else [s for s in SOURCES if label in s.depends]
    if source is None and not dependents:
        return

    def run():
        if source is not None:
            index_objects(source=source, pks=[pk])
        for dependent in dependents:
            condition = dependent.depends[label](instance)
            pks = dependent.model.objects.filter(condition).values_list("pk", flat=True)
            index_objects(source=dependent, pks=pks)

    # a failing index must not turn a saved change into an error page: logged, and
    # `manage.py search_rebuild` repairs it
    transaction.on_commit(run, robust=True)


@contextlib.contextmanager
def indexing_deferred() -> Iterator[None]:
    """Saves inside skip the index; it is rebuilt once at the end (bulk loads, the demo)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
    documents_rebuild()
