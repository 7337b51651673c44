"""The parts every page shares (base.html's head, header, navigation and footer), worked out once
per process instead of once per request: they cost more than many a page's own content.

- `alternates()`: a page's address in every language (language switcher, hreflang links), kept
  per language and path for the pages this process served last.
- `fragment_get()`/`fragment_keep()`: the rendered HTML of a `{% languagecache %}` block of a
  template (weltstadt.templatetags.weltstadt_chrome), kept per language and the values the block
  names.

Nothing personal is kept. What a `languagecache` part and the alternates depend on is the URL
configuration, the settings, the static files of the release and the interface catalogues. A
process's catalogues change only through `weltstadt.catalogues.reload_catalogues()` (a save in
rosetta, seen by every process of the machine; the same save starts a new page-cache generation)
or, in development, Django's reloader seeing a new .mo file: both call `forget()`, and so does a
change of settings in tests. A new release is a new process. Parts that show the database are
`{% fragment %}`s (weltstadt.fragment_cache), kept per content generation.
"""

import threading
from collections import OrderedDict
from contextlib import suppress
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.autoreload import file_changed
from django.utils.translation import override

# The parts that name no page (header, footer, navigation per view name) in every language, and
# those of the pages served last (the alternates in the head and the language switcher).
MAX_FRAGMENTS = 4096
_fragments: OrderedDict[tuple, str] = OrderedDict()
_fragments_lock = threading.Lock()  # threaded workers share it


def fragment_get(key: tuple) -> str | None:
    html = _fragments.get(key)
    if html is not None:
        with suppress(KeyError):  # another thread let it go meanwhile
            _fragments.move_to_end(key)
    return html


def fragment_keep(key: tuple, html: str) -> None:
    with _fragments_lock:
        _fragments[key] = html
        _fragments.move_to_end(key)
        while len(_fragments) > MAX_FRAGMENTS:
            _fragments.popitem(last=False)


class Alternate(NamedTuple):
    code: str
    name: str  # the language's name for itself
    url: str


@lru_cache(maxsize=2048)
def alternates(language: str, path: str, script_prefix: str, urlconf) -> tuple[Alternate, ...]:
    """The page at `path` (with its query) in every language, as `translate_url()` finds each,
    with one resolve instead of one per language. `language`, `script_prefix` and `urlconf` are
    what resolving and reversing depend on besides the path: the active language picks the
    language prefix that resolves. The same tuple for the same page: a `{% languagecache %}` part
    can name it."""
    parsed = urlsplit(path)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        match = None
    found = []
    for code, _name in settings.LANGUAGES:
        url = path
        if match is not None:
            name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
            with override(code):
                try:
                    url = reverse(name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    url = path
                else:
                    url = urlunsplit(
                        (parsed.scheme, parsed.netloc, url, parsed.query, parsed.fragment)
                    )
        found.append(Alternate(code, settings.LANGUAGE_NATIVE_NAMES[code], url))
    return tuple(found)


def forget(**kwargs) -> None:
    """Work everything out afresh: the catalogues, the settings or the URLs changed."""
    with _fragments_lock:
        _fragments.clear()
    alternates.cache_clear()


def _mo_file_changed(sender, file_path, **kwargs) -> None:
    if file_path.suffix == ".mo":
        forget()


setting_changed.connect(forget, dispatch_uid="weltstadt.chrome.forget")
file_changed.connect(_mo_file_changed, dispatch_uid="weltstadt.chrome.mo_file_changed")
