"""What the static export tells the pages it renders, to render them faster.

The export renders every page of one unchanging snapshot of the site, and
knows from its plan which articles each listing shows. While it renders:

- each article's card is rendered once and kept by the article's version
  and the card's options (``cards_rendered_once``, ``{% article_card %}``);
- a listing's pages are read by the ids of their articles, with no count
  and no OFFSET (``listings_known``, ``paginate``).

Outside the export (the site's own requests) none of this is set.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.paginator import Paginator

# Set by the static export: the HTML of the cards rendered so far in this
# process, by article version and card options (``card_tags``).
_card_memo: ContextVar[dict | None] = ContextVar("card_memo", default=None)
CARDS_REMEMBERED = 30000


def card_memo() -> dict | None:
    return _card_memo.get()


@contextmanager
def cards_rendered_once(memo: dict):
    """Render each article's card once while this lasts: listings reuse it.

    Only for a caller that renders many pages of one unchanging snapshot
    (the static export): a card shows its section's title and its authors'
    names, which are not in its key.
    """
    if len(memo) > CARDS_REMEMBERED:
        memo.clear()
    token = _card_memo.set(memo)
    try:
        yield
    finally:
        _card_memo.reset(token)


# Set by the static export, which knows the articles of each listing.
_listings: ContextVar[dict | None] = ContextVar("listings", default=None)


@contextmanager
def listings_known(listings: dict[str, list[int]]):
    """Paginate listings by the ids they list, newest first (path -> ids)."""
    token = _listings.set(listings)
    try:
        yield
    finally:
        _listings.reset(token)


class PlannedPaginator(Paginator):
    """Pages of a listing whose article ids are known, in the listing's order:
    a page is read by its ids, with no count and no OFFSET (which reads and
    skips every newer article: 60 ms deep in an archive of 10,000)."""

    def __init__(self, object_list, per_page, *, ids: list[int]):
        super().__init__(object_list, per_page)
        self.ids = ids
        self.count = len(ids)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        wanted = self.ids[bottom : bottom + self.per_page]
        found = {item.pk: item for item in self.object_list.filter(pk__in=wanted)}
        if len(found) != len(wanted):  # not the listing the ids were read for
            return Paginator(self.object_list, self.per_page).page(number)
        return self._get_page([found[pk] for pk in wanted], number, self)


def listing_ids(path: str) -> list[int] | None:
    """The ids the export knows a listing at ``path`` shows, or None."""
    listings = _listings.get()
    return None if listings is None else listings.get(path)
