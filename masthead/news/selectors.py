"""Reads of the publication."""

import hashlib
import re
import unicodedata
from datetime import datetime

from django.core.cache import cache
from django.db.models import Max, OuterRef, QuerySet, Subquery
from taggit.models import Tag

from masthead.news.models import (
    ArticlePage,
    Author,
    SectionPage,
    author_links,
    tag_links,
)
from masthead.news.search import ranked_listed_ids

FEED_LENGTH = 30
SEARCH_QUERY_MAX = 100
SEARCH_RESULTS_MAX = 200
SEARCH_CACHE_SECONDS = 300
_SEARCH_WORD = re.compile(r"\w+")


def listed_articles() -> QuerySet[ArticlePage]:
    """Return the articles readers may see listed: live, with no view restriction.

    Every listing uses this one rule: the front page and sections (through
    ``ArticlePage.objects.listed()``, the same rule), tags, authors, feeds,
    sitemaps, search and "Read more".
    """
    return ArticlePage.objects.listed()


def published_articles() -> QuerySet[ArticlePage]:
    """Return the listed articles, newest first."""
    return (
        listed_articles()
        .order_by("-first_published_at", "-pk")
        .select_related("lead_image")
    )


def latest_articles(
    *, section: SectionPage | None = None, limit: int = FEED_LENGTH
) -> list[ArticlePage]:
    articles = published_articles()
    if section is not None:
        articles = articles.child_of(section)
    return list(
        articles.prefetch_related(
            author_links(), tag_links(), "lead_image__renditions"
        )[:limit]
    )


def articles_since(*, since: datetime) -> QuerySet[ArticlePage]:
    return published_articles().filter(first_published_at__gte=since)


def articles_by_author(*, author: Author) -> QuerySet[ArticlePage]:
    return published_articles().filter(article_authors__author=author).distinct()


def articles_tagged(*, tag: Tag) -> QuerySet[ArticlePage]:
    return published_articles().filter(tagged_items__tag=tag).distinct()


def normalise_query(raw: str) -> tuple[str, bool]:
    """Return the query as searched, and whether it had to be shortened.

    Only words are kept: punctuation and control characters would otherwise
    reach the search engine's own query syntax. Case folds and whitespace
    collapses, and the result is the cache key of the results, so that
    equivalent queries share one entry.
    """
    cleaned = unicodedata.normalize("NFKC", raw)
    cleaned = " ".join(_SEARCH_WORD.findall(cleaned)).casefold()
    shortened = len(cleaned) > SEARCH_QUERY_MAX
    return cleaned[:SEARCH_QUERY_MAX].strip(), shortened


def search_results(*, query: str) -> tuple[list[int], bool]:
    """Return the ids of the best listed articles for a normalised ``query``.

    At most ``SEARCH_RESULTS_MAX`` ids, best first, and whether more articles
    matched than that (the reader is then shown the first
    ``SEARCH_RESULTS_MAX``). Results are cached under the query, so that a
    flood of searches reaches the database once per distinct query and cache
    period.
    """
    if not query:
        return [], False
    key = "search:" + hashlib.sha256(query.encode()).hexdigest()
    ids = cache.get(key)
    if ids is None:
        # One more than is shown, to know whether there are more.
        ids = ranked_listed_ids(query, limit=SEARCH_RESULTS_MAX + 1)
        # A query that finds nothing costs the index well under a
        # millisecond, less than storing it (the file cache lists its whole
        # folder on every set), and the page cache keeps its page anyway.
        if ids:
            cache.set(key, ids, SEARCH_CACHE_SECONDS)
    return ids[:SEARCH_RESULTS_MAX], len(ids) > SEARCH_RESULTS_MAX


def search_article_ids(*, query: str) -> list[int]:
    """Return the ids of listed articles matching a normalised ``query``."""
    return search_results(query=query)[0]


def articles_in_order(ids: list[int]) -> list[ArticlePage]:
    """Return the listed articles with ``ids``, in that order."""
    by_id = published_articles().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def listed_tags() -> QuerySet[Tag]:
    """Return the tags of at least one listed article."""
    return (
        Tag.objects.filter(news_articletag_items__content_object__in=listed_articles())
        .distinct()
        .order_by("slug")
    )


def latest_by_author(*, author: Author) -> datetime | None:
    """Return when the author's latest listed article was first published."""
    return (
        listed_articles()
        .filter(article_authors__author=author)
        .aggregate(latest=Max("first_published_at"))["latest"]
    )


def authors_with_latest() -> QuerySet[Author]:
    """Return every author, with when their latest listed article appeared."""
    latest = (
        listed_articles()
        .filter(article_authors__author=OuterRef("pk"))
        .order_by("-first_published_at")
        .values("first_published_at")[:1]
    )
    return Author.objects.annotate(latest=Subquery(latest)).order_by("slug")
