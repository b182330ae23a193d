"""What the static export tells the pages it renders, to render them faster.

The export renders every page of one unchanging snapshot of the site, and
knows from its plan what each page shows. While it renders (``rendering``):

- the articles of a batch are read with everything their pages show, in a
  few queries for the batch (``Snapshot.articles``, ``HomePage.article_at``);
- each article's card is rendered once and kept by the article's version
  and the card's options (``Snapshot.cards``, ``{% article_card %}``);
- each image is read once, with its renditions, and shared by every article
  it leads (``Snapshot.images``, ``share_lead_images``), and each page's URL
  worked out once (``Snapshot.url_parts``, ``NewsPage``);
- what each article shows below it, "Read more" and "More in section", is
  given (``Snapshot.shown``), read for many articles at once;
- a listing's pages are read by the ids of their articles, with no count
  and no OFFSET (``Snapshot.listings``, ``PlannedPaginator``), from the
  articles read for the batch's cards (``Snapshot.card_articles``);
- each article's own parts are rendered, not stored in the shared cache,
  and the site's shared parts are read from it once (``Snapshot.parts``,
  ``masthead.memo.rendering_once``).

Outside the export (the site's own requests) none of this is set.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.paginator import Paginator

from masthead import pagecache
from masthead.memo import Memo, rendering_once

CARDS_REMEMBERED = 30000
_DAY = 24 * 3600


def _cards() -> Memo:
    return Memo(size=CARDS_REMEMBERED, seconds=_DAY)


@dataclass
class Snapshot:
    """What the export knows of the snapshot it renders, kept across pages.

    ``cards``, ``images`` and ``url_parts`` outlive a batch; ``articles`` and ``shown``
    are the current batch's. A card shows its section's title and its
    authors' names, which are not in its key: only a caller rendering one
    unchanging snapshot may keep cards here.
    """

    listings: dict[str, list[int]] = field(default_factory=dict)  # path -> ids
    cards: Memo = field(default_factory=_cards)  # card HTML by key
    # Articles read with what their cards show (``prepare_cards``), by id.
    card_articles: dict[int, object] = field(default_factory=dict)
    # Lead images by id, renditions prefetched (``share_lead_images``).
    images: dict[int, object] = field(default_factory=dict)
    articles: dict[str, object] = field(default_factory=dict)  # url_path -> page
    shown: dict[int, tuple[list, list]] = field(default_factory=dict)
    url_parts: dict[tuple, tuple | None] = field(default_factory=dict)
    parts: dict[str, object] = field(default_factory=dict)  # shared, read once


_snapshot: ContextVar[Snapshot | None] = ContextVar("export_snapshot", default=None)


def snapshot() -> Snapshot | None:
    """The snapshot being exported, or None (a reader's request)."""
    return _snapshot.get()


@contextmanager
def rendering(known: Snapshot):
    """Render with what ``known`` holds while this lasts."""
    token = _snapshot.set(known)
    try:
        # Each version is read once per batch of pages, as once per request.
        with rendering_once(known.parts), pagecache.versions_per_request():
            yield
    finally:
        _snapshot.reset(token)


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
        known = _snapshot.get()
        cards = known.card_articles if known is not None else {}
        if all(pk in cards for pk in wanted):  # read with the batch
            found = {pk: cards[pk] for pk in wanted}
        else:
            found = {item.pk: item for item in self.object_list.filter(pk__in=wanted)}
        if len(found) != len(wanted):  # not the listing the ids were read for
            return Paginator(self.object_list, self.per_page).page(number)
        return self._get_page([found[pk] for pk in wanted], number, self)


def listing_ids(path: str) -> list[int] | None:
    """The ids the export knows a listing at ``path`` shows, or None."""
    known = _snapshot.get()
    return None if known is None else known.listings.get(path)
