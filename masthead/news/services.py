"""Writes of the publication."""

import logging

from django.db import transaction
from django.utils.html import strip_tags

from masthead import pagecache
from masthead.news.models import ArticlePage, RelatedArticle
from masthead.news.related import Corpus, Document

logger = logging.getLogger(__name__)

# How many recent articles a new article is compared with.
RELATED_CANDIDATES = 500
RELATED_LIMIT = 4


def article_plain_text(article: ArticlePage) -> str:
    """Return the headline, standfirst and body of ``article`` as plain text."""
    parts = [article.title, article.standfirst]
    for block in article.body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type in ("heading", "pull_quote"):
            parts.append(str(value))
        elif block.block_type == "quote":
            parts.append(value["text"])
        elif block.block_type == "image":
            parts.append(value["caption"])
    return "\n".join(part for part in parts if part)


def _document(article: ArticlePage) -> Document:
    return Document(
        id=article.pk,
        tags=frozenset(tag.slug for tag in article.tags.all()),
        text=article_plain_text(article),
    )


def related_articles_recompute(
    *, articles: list[ArticlePage]
) -> dict[int, list[RelatedArticle]]:
    """Rank and store the "Read more" links of each article; idempotent.

    Candidate documents are built once for all ``articles``. When a list
    changes, cached pages are cleared once the change is committed: pages
    rendered since the article was published would keep the old links.
    """
    # Only articles readers may see listed become anyone's "Read more".
    candidates = (
        ArticlePage.objects.listed()
        .order_by("-first_published_at", "-pk")
        .prefetch_related("tagged_items__tag")[:RELATED_CANDIDATES]
    )
    documents = {article.pk: _document(article) for article in candidates}
    corpus = Corpus(list(documents.values()))
    stored = {}
    changed = False
    for article in articles:
        target = documents.get(article.pk) or _document(article)
        ranked = corpus.rank(target, RELATED_LIMIT)
        links = [
            RelatedArticle(
                article=article, related_id=related_id, score=score, rank=rank
            )
            for rank, (related_id, score) in enumerate(ranked)
        ]
        with transaction.atomic():
            existing = RelatedArticle.objects.filter(article=article)
            before = list(
                existing.order_by("rank").values_list("related_id", flat=True)
            )
            # Readers see which articles, in which order; scores are not shown.
            changed |= before != [link.related_id for link in links]
            existing.delete()
            RelatedArticle.objects.bulk_create(links)
        stored[article.pk] = links
    if changed:
        transaction.on_commit(pagecache.clear)
    return stored


def articles_affected_by(*, article: ArticlePage, limit: int = 20) -> list[int]:
    """Return ids of recent articles sharing a tag with ``article``.

    Their "Read more" lists may change when ``article`` is published.
    """
    tag_ids = list(article.tagged_items.values_list("tag_id", flat=True))
    if not tag_ids:
        return []
    return list(
        ArticlePage.objects.live()
        .filter(tagged_items__tag_id__in=tag_ids)
        .exclude(pk=article.pk)
        .order_by("-first_published_at")
        .values_list("pk", flat=True)
        .distinct()[:limit]
    )
