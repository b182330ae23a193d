"""The exported articles and the cards they show below them, read for many
at once.

Each article's page would ask for itself, its authors, tags, sources and
corrections in six queries of its own (``articles``), and for its "Read more"
cards and "More in section" articles in five more (``shown_with``); each
listing for its articles, their authors and their images' renditions in
three. Most cards are of the same articles (a section's newest, a listing's
articles are also its tags' and authors'), kept in each render process.
"""

from django.db.models import Prefetch
from wagtail.models import Page

from masthead.mirrors.generations import Plan
from masthead.mirrors.paths import PAGE_QUERY
from masthead.news.models import ARTICLES_PER_PAGE, ArticlePage, prepare_cards
from masthead.news.models.article_parts import ArticleTag
from masthead.news.models.pages import (
    author_links,
    sections_by_path,
    share_lead_images,
)

CARDS_KEPT = 4000  # articles kept as cards in each process


def shown_with(
    plan: Plan, cards: dict[int, ArticlePage], urls: list[str]
) -> tuple[dict[int, ArticlePage], dict[int, tuple[list, list]]]:
    """Return the cards kept (``cards`` and the missing ones read: those of
    the listings among ``urls`` too) and, for each article among ``urls``,
    its cards and "More in section" articles."""
    ids = [plan.articles[url] for url in urls if url in plan.articles]
    wanted = {i for pk in ids for part in plan.shown[pk] for i in part}
    wanted.update(listed(plan, urls))
    missing = wanted - set(cards)
    if len(cards) + len(missing) > CARDS_KEPT:
        cards = {i: cards[i] for i in wanted & set(cards)}
    if missing:
        articles = (
            ArticlePage.objects.filter(pk__in=missing)
            .select_related("lead_image")
            .defer_streamfields()
        )
        cards.update((card.pk, card) for card in prepare_cards(articles))
    shown = {
        pk: tuple([cards[i] for i in part if i in cards] for part in plan.shown[pk])
        for pk in ids
    }
    return cards, shown


def listed(plan: Plan, urls: list[str]) -> set[int]:
    """The ids of the articles that the listings among ``urls`` show."""
    wanted: set[int] = set()
    for url in urls:
        path, _, query = url.partition("?")
        ids = plan.listings.get(path)
        match = PAGE_QUERY.match(query)
        if ids is None or (query and not match):
            continue
        bottom = (int(match[1]) - 1 if match else 0) * ARTICLES_PER_PAGE
        wanted.update(ids[bottom : bottom + ARTICLES_PER_PAGE])
    return wanted


def articles(plan: Plan, urls: list[str]) -> dict[str, ArticlePage]:
    """The articles among ``urls`` with what their pages show, by URL path
    (``HomePage.article_at``): five queries for the lot, and one for the
    renditions of lead images not met before in the export."""
    ids = [plan.articles[url] for url in urls if url in plan.articles]
    if not ids:
        return {}
    found = list(
        ArticlePage.objects.filter(pk__in=ids)
        .select_related("lead_image")
        .prefetch_related(
            author_links(),
            Prefetch(
                "tagged_items",
                queryset=ArticleTag.objects.select_related("tag").order_by("pk"),
            ),
            "sources",
            "corrections",
        )
    )
    share_lead_images(found)
    sections = sections_by_path()
    by_path = {}
    for article in found:
        section = sections.get(article.path[: -Page.steplen])
        if section is None:
            continue  # routed as usual
        article._cached_parent_obj = section
        by_path[article.url_path] = article
    return by_path
