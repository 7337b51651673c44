"""Searching and sorting names the way Turkish and German readers type and expect them.

`fold` makes "İzmir", "IZMIR", "izmir" and "ızmir" the same key, and "Kılıç", "KILIÇ" and
"kilic", "Çağrı" and "cagri", "Müller" and "muller": case folded by Turkish rules (İ/I/ı/i are one
letter for a search) and the diacritics of Latin letters dropped. The database computes the same
key with `Fold()`: on PostgreSQL a SQL function created by a migration (translate + lower,
immutable, so it can be indexed), on SQLite the same Python function registered on every
connection, so both databases find the same rows. `sort_key` orders names by the reader's alphabet
(Turkish: c < ç < d, s < ş < t, ı < i; German: ä with a, ß as ss) instead of by code point.
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import Func, Q, TextField
from django.dispatch import receiver
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import get_language

# one character each: the same table is the PostgreSQL function's translate() (migration 0005)
FOLD_FROM = (
    "İIı"
    "ÀÁÂÃÄÅàáâãäåĀāĂăĄą"
    "ÇçĆćĈĉĊċČč"
    "ĎďĐđ"
    "ÈÉÊËèéêëĒēĔĕĖėĘęĚě"
    "ĞğĜĝĠġĢģ"
    "ĤĥĦħ"
    "ÌÍÎÏìíîïĨĩĪīĬĭĮį"
    "Ĵĵ"
    "Ķķ"
    "ĹĺĻļĽľŁł"
    "ÑñŃńŅņŇň"
    "ÒÓÔÕÖØòóôõöøŌōŎŏŐő"
    "ŔŕŖŗŘř"
    "ŚśŜŝŞşŠšȘș"
    "ŢţŤťȚț"
    "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų"
    "Ŵŵ"
    "ÝýÿŶŷŸ"
    "ŹźŻżŽž"
)
FOLD_TO = (
    "iii"
    "aaaaaaaaaaaaaaaaaa"
    "cccccccccc"
    "dddd"
    "eeeeeeeeeeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiiiiiiiii"
    "jj"
    "kk"
    "llllllll"
    "nnnnnnnn"
    "oooooooooooooooooo"
    "rrrrrr"
    "ssssssssss"
    "tttttt"
    "uuuuuuuuuuuuuuuuuuuu"
    "ww"
    "yyyyyy"
    "zzzzzz"
)
assert len(FOLD_FROM) == len(FOLD_TO)
FOLD_TABLE = str.maketrans(FOLD_FROM, FOLD_TO)

# the PostgreSQL twin of fold(); lower() after translate() only meets ASCII and characters outside
# the table, so the database's collation does not change the result for Latin letters
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION weltstadt_fold(text) RETURNS text AS $$
  SELECT lower(replace(replace(translate($1, '{FOLD_FROM}', '{FOLD_TO}'), 'ß', 'ss'), 'ẞ', 'ss'))
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
"""


def fold(text) -> str:
    """The search key of `text`: Turkish-aware case folding, Latin diacritics removed."""
    if text is None:
        return None
    return str(text).translate(FOLD_TABLE).replace("ß", "ss").replace("ẞ", "ss").lower()


class Fold(Func):
    """fold() computed by the database."""

    function = "weltstadt_fold"
    output_field = TextField()


@receiver(connection_created)
def _register_sqlite_fold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("weltstadt_fold", 1, fold, deterministic=True)


def _translated_columns(model, path: str) -> list[str]:
    """`path` ("name", "city__name") and, when its last field is translated with
    modeltranslation, the column of every language ("name_de", "name_tr", …)."""
    from modeltranslation.translator import NotRegistered, translator

    parts = path.split("__")
    target = model
    for part in parts[:-1]:
        target = target._meta.get_field(part).related_model
    try:
        options = translator.get_options_for_model(target)
    except NotRegistered:
        return [path]
    fields = options.all_fields.get(parts[-1])
    if not fields:
        return [path]
    prefix = "__".join(parts[:-1])
    return [f"{prefix}__{f.name}" if prefix else f.name for f in fields]


def search_words(term: str) -> list[str]:
    """The words of a search as the admin splits them (quoted phrases stay one)."""
    words = []
    for bit in smart_split(term or ""):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        bit = fold(bit.replace("\x00", "")).strip()
        if bit:
            words.append(bit)
    return words


def filter_folded(queryset, fields, term: str):
    """Rows where every word of `term` occurs, folded, in one of `fields` (or any language column
    of a translated one). Admin prefixes (^ = @) are read as plain containment."""
    words = search_words(term)
    if not words:
        return queryset
    columns = []
    for field in fields:
        columns.extend(_translated_columns(queryset.model, field.lstrip("^=@")))
    aliases = {f"_fold_{i}": Fold(column) for i, column in enumerate(columns)}
    queryset = queryset.alias(**aliases)
    for word in words:
        match = Q()
        for alias in aliases:
            match |= Q(**{f"{alias}__contains": word})
        queryset = queryset.filter(match)
    return queryset


class FoldedSearchMixin:
    """ModelAdmin mixin: the search box ignores case (Turkish rules) and diacritics, over every
    language column of translated fields ("izmir" finds İzmir, "Vienna" finds Wien)."""

    def get_search_results(self, request, queryset, search_term):
        fields = self.get_search_fields(request)
        if not search_term or not fields:
            return queryset, False
        may_have_duplicates = any("__" in field for field in fields)
        return filter_folded(queryset, fields, search_term), may_have_duplicates


TURKISH_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvwxyzq"


def _turkish_rank(char: str) -> tuple[int, int]:
    if char.isdigit():
        return (0, ord(char))
    index = TURKISH_ALPHABET.find(char)
    if index < 0:
        base = unicodedata.normalize("NFKD", char)[:1]
        index = TURKISH_ALPHABET.find(base)
    if index >= 0:
        return (1, index)
    return (2, ord(char))


def sort_key(text, language: str | None = None) -> tuple:
    """A key that orders names as a reader of `language` expects (Turkish alphabet in tr, letters
    with diacritics beside their base letter elsewhere); ties fall back to the exact text."""
    text = str(text or "")
    language = (language or get_language() or "de")[:2]
    if language in ("tr", "az"):
        lowered = text.replace("I", "ı").replace("İ", "i").lower()
        return (tuple(_turkish_rank(c) for c in lowered), text)
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return (stripped.replace("ı", "i").replace("ß", "ss").casefold(), text)
