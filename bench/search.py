#!/usr/bin/env python
"""Benchmark of the site search: N published bulletin articles in six languages (N × 6 search
documents), the results page's query for common, rare, two-word and suffixed words.

Prints the time to build the index, and per query the median over --repeat runs of the results
page's work (count, ranked page with highlighted title and snippet: search.selectors.search_page),
of the database's share of it (EXPLAIN ANALYZE, and the backend's CPU time from /proc), of its
Python CPU time, and of the whole page (the view with its template), next to the median of a
folded LIKE scan of the same documents (what the search would cost without the stored,
GIN-indexed vectors), and their ratio, measured in the same run; and the machine's load
average, since on a shared machine the wall times follow it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/weltstadt_search \
    .venv/bin/python bench/search.py --articles 10000

It works on its own database (the DATABASE_URL name + "_bench", or var/bench.sqlite3 without
DATABASE_URL), created afresh on every run.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(Path(__file__).resolve().parent))
LANGUAGES = ["de", "tr", "en", "fr", "it", "es"]
# the same twenty words in each language, one string each (split below)
WORDS = {
    "de": "Hafen Messe Universität Bürger Austausch Schule Jugend Kultur Verkehr Klima "
    "Wasser Energie Handwerk Ausbildung Museum Theater Sport Markt Brücke Rathaus",
    "tr": "liman fuar üniversite vatandaş değişim okul gençlik kültür ulaşım iklim "
    "su enerji zanaat eğitim müze tiyatro spor pazar köprü belediye",
    "en": "port fair university citizen exchange school youth culture transport climate "
    "water energy craft training museum theatre sport market bridge townhall",
    "fr": "port foire université citoyen échange école jeunesse culture transport climat "
    "eau énergie artisanat formation musée théâtre sport marché pont mairie",
    "it": "porto fiera università cittadino scambio scuola gioventù cultura trasporto clima "
    "acqua energia artigianato formazione museo teatro sport mercato ponte municipio",
    "es": "puerto feria universidad ciudadano intercambio escuela juventud cultura "
    "transporte clima "
    "agua energía artesanía formación museo teatro deporte mercado puente ayuntamiento",
}
WORDS = {code: text.split() for code, text in WORDS.items()}
SENTENCE = {
    "de": "Die Partnerstädte von İzmir planen {a} und {b} mit {c}.",
    "tr": "İzmir'in kardeş şehirleri {a} ve {b} için {c} planlıyor.",
    "en": "İzmir's partner cities plan {a} and {b} with {c}.",
    "fr": "Les villes partenaires d'İzmir prévoient {a} et {b} avec {c}.",
    "it": "Le città partner di İzmir progettano {a} e {b} con {c}.",
    "es": "Las ciudades hermanas de İzmir planean {a} y {b} con {c}.",
}
# (language, words): everywhere, a tenth, rare (one article in a thousand), two words, a suffix
QUERIES = [
    ("de", "izmir"),
    ("de", "Partnerstädte Hafen"),
    ("de", "Seltenwort"),
    ("tr", "şehirlerimiz liman"),
    ("tr", "okullar"),
    ("en", "museum"),
]


def _articles(count: int, seed: int = 16) -> None:
    from django.utils import timezone

    from newsletter.models import Article, Issue

    rng = random.Random(seed)
    per_issue = 100
    issues = Issue.objects.bulk_create(
        [
            Issue(
                number=n + 1,
                date=timezone.localdate(),
                status=Issue.Status.SENT,
                published_at=timezone.now(),
                **{f"title_{code}": f"Bulletin {n + 1}" for code in LANGUAGES},
            )
            for n in range((count + per_issue - 1) // per_issue)
        ]
    )
    rows = []
    for n in range(count):
        texts = {}
        picks = [rng.randrange(len(WORDS["de"])) for _ in range(6)]
        for code in LANGUAGES:
            words = [WORDS[code][i] for i in picks]
            texts[f"title_{code}"] = f"{words[0].capitalize()} {words[1]} {n}"
            sentences = [
                SENTENCE[code].format(a=words[i], b=words[i + 1], c=words[i + 2])
                for i in range(0, 4)
            ]
            if n % 1000 == 0:
                sentences.append("Seltenwort")
            texts[f"body_{code}"] = "<p>" + " ".join(sentences * 3) + "</p>"
        rows.append(Article(issue=issues[n // per_issue], position=n % per_issue, **texts))
    Article.objects.bulk_create(rows, batch_size=1000)


def _database_ms(function, repeat: int) -> float:
    """Median time the database spends on the queries `function` sends (EXPLAIN ANALYZE's
    execution time, summed): what the search costs apart from Python and the machine's load."""
    import json

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    queries = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    times = []
    with connection.cursor() as cursor:
        for _ in range(repeat):
            total = 0.0
            for sql in queries:
                cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]  # psycopg reads the JSON already
                plan = json.loads(plan) if isinstance(plan, str) else plan
                total += plan[0]["Execution Time"]
            times.append(total)
    return statistics.median(times)


def _backend_cpu_ms(function, repeat: int) -> float | None:
    """CPU time the PostgreSQL backend spends per call of `function` (from /proc, when the
    server runs on this machine): the database's share without the waits of a loaded machine.
    A mean over `repeat` calls, since /proc counts in clock ticks."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    if not stat.exists():
        return None

    def cpu() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    function()
    start = cpu()
    for _ in range(repeat):
        function()
    return (cpu() - start) / repeat * 1000


def _median_ms(function, repeat: int, clock=time.perf_counter) -> float:
    function()  # warm: plans and caches as a running server has them
    times = []
    for _ in range(repeat):
        start = clock()
        function()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument(
        "--reuse", action="store_true", help="query the database of the last run again"
    )
    args = parser.parse_args()
    from bulletin import _bench_database

    url = os.environ.get("DATABASE_URL")
    if args.reuse and url:
        os.environ["DATABASE_URL"] = f"{url}_bench"
    else:
        os.environ["DATABASE_URL"] = _bench_database(url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weltstadt.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from search.models import SearchDocument
    from search.selectors import search_page
    from search.services import documents_rebuild
    from weltstadt.text_search import fold

    if args.reuse:
        documents, built = SearchDocument.objects.count(), float("nan")
    else:
        call_command("migrate", verbosity=0)
        _articles(args.articles)
        start = time.perf_counter()
        documents = documents_rebuild()
        built = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchdocument")
    print(f"database {connection.vendor} {os.environ['DATABASE_URL'].rsplit('/', 1)[-1]}, "
          f"{args.articles} articles, {documents} search documents, index built in "
          f"{built:.1f} s; medians of {args.repeat} runs")  # fmt: skip
    client = Client(HTTP_HOST="localhost")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'query':<28}{'hits':>7}{'search':>10}{'in db':>9}{'db cpu':>9}{'py cpu':>9}"
          f"{'page':>10}{'LIKE scan':>12}{'ratio':>8}")  # fmt: skip
    results = []
    for language, words in QUERIES:
        with translation.override(language):

            def query(language=language, words=words):
                page = search_page(query=words, language=language)
                return page.paginator.count, [str(r.snippet) for r in page.object_list]

            def like(language=language, words=words):
                documents = SearchDocument.objects.filter(language=language)
                for word in words.split():
                    documents = documents.filter(folded__contains=fold(word))
                return documents.count(), list(documents.order_by("title")[:20])

            hits = query()[0]
            search_ms = _median_ms(query, args.repeat)
            db_ms = _database_ms(query, args.repeat) if connection.vendor == "postgresql" else 0
            # the CPU time of Python and of the database: what the machine's load does not stretch
            cpu_ms = _median_ms(query, args.repeat, clock=time.process_time)
            db_cpu = _backend_cpu_ms(query, max(args.repeat, 30)) if db_ms else None
            db_cpu_ms = db_cpu if db_cpu is not None else float("nan")

            def view(language=language, words=words):
                return client.get(f"/{language}/search/", {"q": words})

            page_ms = _median_ms(view, args.repeat)
            like_ms = _median_ms(like, args.repeat)
        results.append((search_ms, db_ms, db_cpu_ms + cpu_ms))
        print(f"{language + ' ' + words:<28}{hits:>7}{search_ms:>8.1f}ms{db_ms:>7.1f}ms"
              f"{db_cpu_ms:>7.1f}ms{cpu_ms:>7.1f}ms{page_ms:>8.1f}ms"
              f"{like_ms:>10.1f}ms{like_ms / search_ms:>7.1f}×")  # fmt: skip
    wall, database, busy = ([r[i] for r in results] for i in range(3))
    print(f"median over the queries: {statistics.median(wall):.1f} ms "
          f"(slowest {max(wall):.1f} ms), in the database {statistics.median(database):.1f} ms "
          f"(slowest {max(database):.1f} ms); CPU time (database + Python) "
          f"{statistics.median(busy):.1f} ms (slowest {max(busy):.1f} ms); "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
