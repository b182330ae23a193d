"""Section, tag and author pages laid out as listings, measured in chromium."""

import pytest
from playwright.sync_api import expect

from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    NewsImageFactory,
    hours_ago,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What the browser lays out and which rendition it chose, for every card image.
MEASURE_CARDS = """
() => [...document.querySelectorAll('main .listing > .card')].map(card => {
  const img = card.querySelector('.card__image img');
  const box = card.getBoundingClientRect();
  return {
    left: Math.round(box.left), top: Math.round(box.top), width: box.width,
    shown: img ? img.getBoundingClientRect().width * devicePixelRatio : null,
    fetched: img ? img.naturalWidth : null,
    src: img ? img.currentSrc : null,
  };
})
"""


@pytest.fixture
def listings(section, other_section):
    mira = AuthorFactory(
        name="Mira Holm",
        slug="mira-holm",
        photo=NewsImageFactory(title="Mira Holm", description="Mira Holm"),
    )
    petr = AuthorFactory(name="Petr Lind", slug="petr-lind")
    for number in range(6):
        ArticlePageFactory(
            parent=section if number % 2 else other_section,
            title=f"Story number {number}",
            tag_names=["elections"],
            authors=[mira, petr] if number == 0 else [mira],
            first_published_at=hours_ago(number + 1),
            lead_image=NewsImageFactory(title=f"Picture {number}"),
        )


@pytest.mark.parametrize(
    "path", ["/politics/", "/tags/elections/", "/authors/mira-holm/"]
)
def test_listings_are_a_grid_of_cards_with_sharp_images_at_1280px(
    tab, live_server, listings, path
):
    page = tab.page
    # Tall enough that no card image waits for lazy loading.
    page.set_viewport_size({"width": 1280, "height": 3000})
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    cards = page.evaluate(MEASURE_CARDS)
    tab.screenshot("listing-" + path.strip("/").replace("/", "-"), full_page=False)

    assert len(cards) >= 3
    first_row = [card for card in cards if card["top"] == cards[0]["top"]]
    assert len(first_row) == 3, cards
    assert len({card["left"] for card in first_row}) == 3
    for card in cards:
        assert 340 <= card["width"] <= 380, card  # a third of the 1120 px column
        assert card["fetched"], card
        # The rendition chosen is at least as wide as the image is shown...
        assert card["fetched"] >= card["shown"], card
        # ...and not the next size up, fetched for nothing.
        assert card["fetched"] < 2 * card["shown"], card

    first = page.locator("main .listing > .card").first
    if path == "/politics/":
        expect(first.locator(".card__section")).to_have_text("Politics")
        expect(first.locator(".card__byline")).to_have_text("By Mira Holm")
    else:  # the newest story, in Culture, by two authors
        expect(first.locator(".card__section")).to_have_text("Culture")
        expect(first.locator(".card__byline")).to_have_text(
            "By Mira Holm and Petr Lind"
        )
    expect(first.locator("time")).to_be_visible()
    assert tab.outside_requests() == []
    assert tab.errors == []


def test_the_authors_index_links_every_author_with_a_photo_if_set(
    tab, live_server, listings
):
    page = tab.page
    page.goto(live_server.url + "/authors/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Our journalists")
    people = page.locator(".person")
    expect(people).to_have_count(2)
    expect(people.nth(0).locator("img")).to_be_visible()
    expect(people.nth(1).locator("img")).to_have_count(0)
    page.get_by_role("link", name="Mira Holm").click()
    expect(page).to_have_url(live_server.url + "/authors/mira-holm/")
    photo = page.locator(".author__photo")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.naturalWidth >= img.clientWidth")
    assert tab.errors == []


def test_the_header_on_a_phone_is_under_100_px_and_still_offers_search(
    tab, live_server, listings
):
    page = tab.page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/politics/")
    height = page.locator(".site-header").evaluate(
        "header => header.getBoundingClientRect().height"
    )
    assert height < 100
    expect(page.get_by_role("link", name="Support us")).to_be_visible()
    expect(page.get_by_role("navigation", name="Sections")).to_be_visible()
    page.locator(".site-header").get_by_role("link", name="Search").click()
    expect(page).to_have_url(live_server.url + "/search/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
