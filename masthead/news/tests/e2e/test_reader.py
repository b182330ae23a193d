"""A reader's visit in a real browser: front page, section, article, search."""

import pytest

from masthead.news import services
from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    NewsImageFactory,
    body_blocks,
    hours_ago,
)
from masthead.news.models import ArticlePage

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def newsroom(section, other_section):
    mira = AuthorFactory(name="Mira Holm", slug="mira-holm")
    petr = AuthorFactory(name="Petr Lind", slug="petr-lind")
    for number, (title, tags) in enumerate(
        [
            ("Appeal against the ban is rejected", ["elections", "courts"]),
            ("Observers question the turnout", ["elections"]),
            ("Protesters detained outside the commission", ["elections", "protests"]),
        ]
    ):
        ArticlePageFactory(
            parent=section,
            title=title,
            tag_names=tags,
            authors=[mira],
            first_published_at=hours_ago(10 + number),
            lead_image=NewsImageFactory(title=f"Picture {number}"),
        )
    ArticlePageFactory(
        parent=section,
        title="Draft budget cuts hospital spending",
        tag_names=["budget"],
        first_published_at=hours_ago(40),
    )
    ArticlePageFactory(
        parent=other_section,
        title="Choir banned from festival",
        first_published_at=hours_ago(30),
    )
    ArticlePageFactory(
        parent=section,
        title="Commission bars the opposition candidate",
        standfirst="Officials rejected her registration late at night.",
        dateline="Riga",
        authors=[mira, petr],
        tag_names=["elections", "courts"],
        sources=[("Radio Kestrel", "https://example.org/kestrel"), ("Vesna Daily", "")],
        lead_image=NewsImageFactory(title="Ballot boxes", description="Ballot boxes"),
        body=body_blocks(["The decision was announced after a closed session."] * 4),
        first_published_at=hours_ago(1),
    )
    services.related_articles_recompute(articles=list(ArticlePage.objects.live()))


def visit(tab, url: str, name: str):
    response = tab.page.goto(url)
    assert response.status == 200
    tab.screenshot(name)
    return tab.page


def assert_stayed_home(tab):
    assert tab.outside_requests() == []
    assert tab.errors == []


def test_front_page_section_article_and_search(tab, live_server, newsroom):
    page = visit(tab, live_server.url + "/", "front-page")
    lead = page.locator(".lead-story h2")
    assert lead.inner_text() == "Commission bars the opposition candidate"

    page.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="Politics"
    ).click()
    page.wait_for_url("**/politics/")
    tab.screenshot("section")
    assert page.locator(".listing .card").count() == 5

    page.get_by_role(
        "link", name="Commission bars the opposition candidate"
    ).first.click()
    page.wait_for_url("**/politics/commission-bars-the-opposition-candidate/")
    tab.screenshot("article")
    article = page.locator("article.article")
    assert article.get_by_role("heading", level=1).inner_text() == (
        "Commission bars the opposition candidate"
    )
    assert page.locator(".standfirst").is_visible()
    byline = page.locator(".byline")
    assert byline.is_visible()
    assert "Mira Holm and Petr Lind" in byline.inner_text()
    sources = page.get_by_role("complementary", name="Sources")
    assert sources.is_visible()
    assert "Radio Kestrel reported" in sources.inner_text()
    read_more = page.get_by_role("region", name="Read more")
    assert read_more.is_visible()
    titles = read_more.locator(".card__headline a").all_inner_texts()
    assert titles[0] == "Appeal against the ban is rejected"
    assert "Choir banned from festival" not in titles
    assert page.get_by_role("region", name="More in Politics").is_visible()

    page.get_by_role("searchbox", name="Search articles").first.fill("turnout")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=turnout")
    tab.screenshot("search")
    assert page.locator(".listing .card__headline").all_inner_texts() == [
        "Observers question the turnout"
    ]
    assert_stayed_home(tab)


def test_reading_needs_no_javascript(browser, live_server, newsroom):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/politics/commission-bars-the-opposition-candidate/")
    assert page.locator("h1").inner_text() == "Commission bars the opposition candidate"
    # Two first-party scripts: appeals, and the service worker that keeps
    # "How to reach us" for when the site is blocked. Reading needs neither.
    scripts = page.locator("script:not([type='application/ld+json'])")
    sources = [scripts.nth(n).get_attribute("src") for n in range(scripts.count())]
    assert len(sources) == 2
    assert any("/appeals/appeals" in src for src in sources)
    assert any("/mirrors/register" in src for src in sources)
    assert all(src.startswith("/static/") for src in sources)
    assert page.locator("article .article__body p").count() > 2
    context.close()


def test_pages_work_in_dark_mode_and_print(tab, live_server, newsroom):
    tab.page.emulate_media(color_scheme="dark")
    page = visit(tab, live_server.url + "/", "front-page-dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(20, 20, 20)"
    tab.page.emulate_media(media="print")
    assert not page.locator(".sections-nav").is_visible()
    assert_stayed_home(tab)


def test_keyboard_users_can_skip_to_content(tab, live_server, newsroom):
    page = visit(tab, live_server.url + "/politics/", "section-skip-link")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline == "solid"


def test_unknown_page_is_a_styled_404(tab, live_server, newsroom):
    response = tab.page.goto(live_server.url + "/politics/nothing-here/")
    assert response.status == 404
    tab.screenshot("not-found")
    assert tab.page.get_by_role(
        "heading", name="We could not find that page"
    ).is_visible()
    assert tab.page.context.cookies() == []
    assert tab.outside_requests() == []
    # The page itself is the only thing that was not found.
    assert [e for e in tab.errors if not e.startswith("Failed to load resource")] == [
        f"404 {live_server.url}/politics/nothing-here/"
    ]
