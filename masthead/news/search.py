"""Reader search: the ids of listed articles matching a query, best first.

Wagtail's database search backend on SQLite ranks each match with a scalar
subquery that runs the FTS5 ``MATCH`` again for every candidate article
(``ORDER BY (SELECT bm25(...) ... WHERE object_id = page.id LIMIT 1)``): on
10,000 articles a common word took minutes. Here the same index tables are
queried once: FTS5 finds and ranks the entries with the backend's own score
(``bm25 * title_norm + bm25``, lowest first, then newest id first), and the
best ``limit`` of them that are listed articles are kept. The listing rule
stays ``ArticlePage.objects.listed()``, applied to each batch of ranked ids.

Other backends (PostgreSQL, or SQLite without FTS5) go through Wagtail's
search API, bounded to ``limit`` results.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from masthead.news.models import ArticlePage


def ranked_listed_ids(query: str, *, limit: int) -> list[int]:
    """Return at most ``limit`` ids of listed articles matching ``query``.

    ``query`` is normalised (``selectors.normalise_query``): words only,
    separated by single spaces; every word must match, as in Wagtail's
    database backends.
    """
    words = query.split()
    if not words or limit <= 0:
        return []
    if isinstance(get_search_backend(), SQLiteSearchBackend):
        return _sqlite_fts(words, limit)
    results = ArticlePage.objects.listed_for_search().search(query)
    return list(results[:limit].get_queryset().values_list("pk", flat=True))


def _sqlite_fts(words: list[str], limit: int) -> list[int]:
    app = get_app_config()
    entries = app.get_model("IndexEntry")._meta.db_table
    fts = app.get_model("SQLiteFTSIndexEntry")._meta.db_table
    # The backend's own match expression for a plain query of these words:
    # each a quoted FTS5 string (normalised words hold no quote), all required.
    phrases = " AND ".join(f'"{word}"' for word in words)
    match = "{title body} : (" + phrases + ")"
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    # Table names come from the models; every value is a parameter.
    sql = (
        f"SELECT CAST(e.object_id AS INTEGER)"  # noqa: S608
        f" FROM {fts} JOIN {entries} e ON {fts}.rowid = e.id"
        f" WHERE {fts} MATCH %s AND e.content_type_id = %s"
        f" ORDER BY (bm25({fts}) * e.title_norm) + (bm25({fts}) * 1.0),"
        f" CAST(e.object_id AS INTEGER) DESC"
        f" LIMIT %s OFFSET %s"
    )
    found: list[int] = []
    batch = limit * 2  # drafts and restricted pages are indexed too
    offset = 0
    with connection.cursor() as cursor:
        while len(found) < limit:
            cursor.execute(sql, [match, content_type, batch, offset])
            ranked = [row[0] for row in cursor.fetchall()]
            if not ranked:
                break
            listed = set(
                ArticlePage.objects.listed()
                .filter(pk__in=ranked)
                .values_list("pk", flat=True)
            )
            found += [pk for pk in ranked if pk in listed]
            if len(ranked) < batch:
                break
            offset += batch
    return found[:limit]
