"""Reader search: the ids of listed articles matching a query, best first.

Wagtail's database search backend on SQLite ranks each match with a scalar
subquery that runs the FTS5 ``MATCH`` again for every candidate article
(``ORDER BY (SELECT bm25(...) ... WHERE object_id = page.id LIMIT 1)``): on
10,000 articles a common word took minutes. Here the same index tables are
queried once: FTS5 finds and ranks the entries with the backend's own score
(``bm25 * title_norm + bm25``, lowest first, then newest id first), and the
best ``limit`` of them that are listed articles are kept. The listing rule
stays ``ArticlePage.objects.listed()``, applied to each batch of ranked ids.

On PostgreSQL Wagtail's query and ranking are kept, but restricted first to
the entries the GIN indexes find for every word (``_postgres_candidates``):
Wagtail's own condition on ``title || body`` reads every entry, so that a
miss cost a scan of the index table. Other backends (SQLite without FTS5)
go through Wagtail's search API as it is. Every path is bounded to
``limit`` results.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from masthead.news.models import ArticlePage

# The module of the FTS5 backend, named rather than imported: importing it
# fails where its FTS model is not defined (PostgreSQL, SQLite without FTS5).
_SQLITE_FTS_BACKEND = "modelsearch.backends.database.sqlite.sqlite"


def ranked_listed_ids(query: str, *, limit: int) -> list[int]:
    """Return at most ``limit`` ids of listed articles matching ``query``.

    ``query`` is normalised (``selectors.normalise_query``): words only,
    separated by single spaces; every word must match, as in Wagtail's
    database backends.
    """
    words = query.split()
    if not words or limit <= 0:
        return []
    if type(get_search_backend()).__module__ == _SQLITE_FTS_BACKEND:
        return _sqlite_fts(words, limit)
    articles = ArticlePage.objects.listed_for_search()
    if connection.vendor == "postgresql":
        articles = articles.filter(id__in=_postgres_candidates(words))
    results = articles.search(query)
    return list(results[:limit].get_queryset().values_list("pk", flat=True))


def _postgres_candidates(words: list[str]):
    """The ids of index entries that can match every word, through the GIN indexes.

    Wagtail's backend matches ``title || body`` against the query, which no
    index serves: every search, a miss too, reads every entry. An entry
    matches all the words only if each word is in its title or its body,
    which the indexes on ``title`` and ``body`` answer; Wagtail's own
    condition and ranking then apply to these candidates only. Words that
    the text search configuration drops (stop words) constrain nothing, as
    in Wagtail's query.
    """
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import IntegerField, Q
    from django.db.models.functions import Cast
    from wagtail.search.models import IndexEntry

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w FROM unnest(%s::text[]) AS w"
            " WHERE numnode(plainto_tsquery(w)) > 0",
            [words],
        )
        kept = [row[0] for row in cursor.fetchall()]
    if not kept:
        return IndexEntry.objects.none().values("object_id")
    condition = Q()
    for word in kept:
        term = SearchQuery(word, search_type="plain")
        condition &= Q(title=term) | Q(body=term)
    return (
        IndexEntry.objects.filter(
            condition,
            content_type=ContentType.objects.get_for_model(ArticlePage),
        )
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


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
