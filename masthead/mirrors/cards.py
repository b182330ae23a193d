"""The cards an exported article shows below it, read for many at once.

Each article's page would ask for its "Read more" cards and "More in
section" articles in five queries of its own; most of them are the same few
articles (a section's newest), kept in each render process as cards.
"""

from masthead.mirrors.generations import Plan
from masthead.news.models import ArticlePage, prepare_cards

CARDS_KEPT = 4000  # articles kept as cards in each process


def shown_with(
    plan: Plan, cards: dict[int, ArticlePage], urls: list[str]
) -> tuple[dict[int, ArticlePage], dict[int, tuple[list, list]]]:
    """Return the cards kept (``cards`` and the missing ones read) and, for
    each article among ``urls``, its cards and "More in section" articles."""
    ids = [plan.articles[url] for url in urls if url in plan.articles]
    wanted = {i for pk in ids for part in plan.shown[pk] for i in part}
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
