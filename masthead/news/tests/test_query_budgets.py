"""Every anonymous page type renders in a fixed number of queries, at most 10.

Each page is built twice, in a small newsroom (one author, tag, source and
related article per story) and a large one (six of each, and more
sections), and rendered with the page cache emptied: the number of queries
must be the same in both and within the budget. The parts cached by version
(site, navigation, an article's own head, header and footer) are warm, as
they are when a publication elsewhere renews the page cache; a page whose
every cache is cold is counted too, and must not grow either.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead import pagecache
from masthead.appeals.factories import appeal_build
from masthead.appeals.models import Appeal, Placement
from masthead.funding.models import FundingSettings
from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    InfoPageFactory,
    NewsImageFactory,
    SectionPageFactory,
    body_blocks,
)
from masthead.news.models import ARTICLES_PER_PAGE, RelatedArticle

BUDGET = 10
SMALL, LARGE = 1, 6


@pytest.fixture(autouse=True)
def _registry_checked_once(settings):
    # Each process asks once a second whether the mirror registry changed
    # (masthead.mirrors): a query per second, not per page, left out here.
    settings.MIRRORS_REFRESH_SECONDS = 3600


def build_newsroom(home, size: int) -> dict[str, str]:
    """Build a newsroom whose stories have ``size`` authors, tags, sources…

    Return the path of every page type in it.
    """
    authors = [AuthorFactory(name=f"Writer {n}") for n in range(size)]
    tags = [f"topic-{n}" for n in range(size)]
    images = [NewsImageFactory(title=f"Picture {n}") for n in range(2)]
    politics = SectionPageFactory(parent=home, title="Politics", slug="politics")
    for n in range(size):
        other = SectionPageFactory(parent=home, title=f"Beat {n}", slug=f"beat-{n}")
        ArticlePageFactory(
            parent=other, title=f"Beat story {n}", authors=authors, tag_names=tags
        )
    now = timezone.now()
    stories = [
        ArticlePageFactory(
            parent=politics,
            title=f"Harbour story {n}",
            body=body_blocks([f"Paragraph {p} about the harbour." for p in range(5)]),
            authors=authors,
            tag_names=tags,
            lead_image=images[n % 2],
            sources=[(f"Source {s}", f"https://example.org/{s}") for s in range(size)],
            corrections=[(now, f"Correction {c}.") for c in range(size)],
            first_published_at=now - timedelta(hours=n),
        )
        for n in range(ARTICLES_PER_PAGE + size)
    ]
    target = stories[0]
    for rank, related in enumerate(stories[1 : 1 + size]):
        RelatedArticle.objects.create(
            article=target, related=related, score=1.0, rank=rank
        )
    InfoPageFactory(parent=home, title="About us", slug="about")
    FundingSettings.load().save()  # the goal the appeals' meter shows
    for placement in (Placement.BANNER, Placement.INLINE, Placement.END):
        if not Appeal.objects.filter(key=placement).exists():
            appeal_build(placement, placement=placement, show_goal_meter=True)
    return {
        "front page": "/",
        "section": "/politics/",
        "section, page 2": "/politics/?page=2",
        "article": target.url,
        "author": authors[0].get_absolute_url(),
        "authors": "/authors/",
        "tag": f"/tags/{tags[0]}/",
        "search hit": "/search/?q=harbour",
        "info page": "/about/",
        "support page": "/support/",
        "RSS": "/feed.xml",
        "Atom": "/atom.xml",
        "JSON Feed": "/feed.json",
        "section RSS": "/politics/feed.xml",
        "sitemap": "/sitemap.xml",
        "news sitemap": "/news-sitemap.xml",
        "mirrors page": "/mirrors/",
    }


def count_queries(client, path: str, *, cold: bool = False) -> int:
    assert client.get(path).status_code == 200, path  # renditions, first hits
    if cold:
        cache.clear()
        pagecache.forget_local()  # the process's own copies of pages, too
    else:
        pagecache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    return len(queries)


def counts_by_size(client, home, *, cold: bool) -> tuple[dict, dict]:
    """Count every page type in a small newsroom, then in a large one."""
    small = {
        name: count_queries(client, path, cold=cold)
        for name, path in build_newsroom(home, SMALL).items()
    }
    # The large newsroom replaces the small one under the same front page,
    # so that every path is the same.
    for child in home.get_children():
        child.delete()
    cache.clear()  # search results are kept by query for a while
    large = {
        name: count_queries(client, path, cold=cold)
        for name, path in build_newsroom(home, LARGE).items()
    }
    return small, large


def test_every_page_type_renders_in_a_fixed_number_of_queries_within_budget(
    client, home
):
    small, large = counts_by_size(client, home, cold=False)
    assert large == small
    assert {name: n for name, n in large.items() if n > BUDGET} == {}, large


def test_a_page_with_every_cache_cold_takes_as_many_queries_at_any_size(client, home):
    small, large = counts_by_size(client, home, cold=True)
    assert large == small
