"""WCAG 2.2 AA checks of reader pages with axe-core, in light and dark mode."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    InfoPageFactory,
    NewsImageFactory,
    hours_ago,
)
from masthead.news.models import ArticlePage
from masthead.news.services import related_articles_recompute

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = [
    "/",
    "/politics/",
    "/politics/commission-bars-candidate/",
    "/authors/",
    "/authors/mira-holm/",
    "/tags/elections/",
    "/about/",
    "/search/?q=commission",
    "/search/?q=nothing-matches-this",
    "/politics/missing/",
    "/support/",
    "/support/?frequency=one_time&currency=EUR",
    "/support/thanks/",
    "/support/manage/",
]


@pytest.fixture
def newsroom(section, other_section):
    mira = AuthorFactory(
        name="Mira Holm",
        slug="mira-holm",
        bio="<p>Editor.</p>",
        photo=NewsImageFactory(title="Mira Holm", description="Mira Holm"),
    )
    InfoPageFactory(
        parent=section.get_parent(),
        title="About us",
        slug="about",
        intro="Who we are.",
        body="<h2>How we work</h2><p>Carefully.</p>",
    )
    for number in range(3):
        ArticlePageFactory(
            parent=section,
            title=f"Earlier story {number}",
            tag_names=["elections"],
            authors=[mira],
            first_published_at=hours_ago(5 + number),
            lead_image=NewsImageFactory(title=f"Picture {number}"),
        )
    ArticlePageFactory(parent=other_section, title="Choir banned")
    ArticlePageFactory(
        parent=section,
        title="Commission bars candidate",
        tag_names=["elections"],
        authors=[mira],
        sources=[("Radio Kestrel", "https://example.org/k")],
        lead_image=NewsImageFactory(title="Ballot boxes"),
        first_published_at=hours_ago(1),
    )
    related_articles_recompute(articles=list(ArticlePage.objects.live()))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_pages_have_no_wcag_violations(tab, live_server, newsroom, scheme):
    tab.page.emulate_media(color_scheme=scheme)
    axe = Axe()
    found = {}
    for path in PAGES:
        tab.page.goto(live_server.url + path)
        results = axe.run(tab.page, options={"runOnly": WCAG_TAGS})
        if results.violations_count:
            found[path] = results.generate_report()
    assert found == {}
