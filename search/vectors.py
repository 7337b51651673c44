"""The PostgreSQL side of the index: which text search configuration reads which language, and
the stored vector of a document.

A document's vector holds its words twice: stemmed by its language's configuration (so German
"Partnerstädte" meets "Partnerstadt" and Turkish "şehirlerimiz" meets "şehir"), and folded by
weltstadt_fold (migration weltstadt 0005) under the `simple` configuration (so "izmir" meets
"İzmir" and "kilic" meets "Kılıç", as weltstadt.text_search folds everywhere else). A search
word matches either (search.selectors)."""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import QuerySet

from weltstadt.text_search import Fold

# PostgreSQL ships all six (turkish since PostgreSQL 12); `\dF` lists them
CONFIGS = {
    "de": "german",
    "tr": "turkish",
    "en": "english",
    "fr": "french",
    "it": "italian",
    "es": "spanish",
}


def config_for(language: str) -> str:
    return CONFIGS.get((language or "")[:2], "simple")


def vectors_enabled() -> bool:
    return connection.vendor == "postgresql"


def vectors_update(documents: QuerySet) -> None:
    """Compute the stored vector of `documents` in the database (one UPDATE per language)."""
    if not vectors_enabled():
        return
    for language, config in CONFIGS.items():
        documents.filter(language=language).update(
            vector=SearchVector("title", config=config, weight="A")
            + SearchVector("body", config=config, weight="B")
            + SearchVector(Fold("title"), config="simple", weight="A")
            + SearchVector(Fold("body"), config="simple", weight="D")
        )
