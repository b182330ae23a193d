"""Page-weight budgets on the demo newsroom, as a browser loads its pages.

Chromium records every request a page makes and the bytes of each response.
The test server does not compress, so text (HTML, CSS, JavaScript) is
counted at its gzip size (level 6, what a compressing server or nginx sends)
and images at their size on the wire (WebP is compressed already).
"""

import gzip

import pytest
from django.core.management import call_command

from masthead.conftest import ensure_wagtail_tree
from masthead.news.models import ArticlePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

KB = 1024
ARTICLE_TEXT_BUDGET = 30 * KB  # HTML, CSS and JS of an article without images
ARTICLE_REQUESTS = 4
FRONT_PAGE_BUDGET = 300 * KB  # everything, images included
TEXT_TYPES = ("document", "stylesheet", "script")


@pytest.fixture
def demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    ensure_wagtail_tree()
    call_command("demo", verbosity=0)


def plain_article() -> ArticlePage:
    """A demo article with its images taken out (every demo story has some)."""
    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    article.lead_image = None
    article.body = [
        (block.block_type, block.value)
        for block in article.body
        if block.block_type != "figure"
    ]
    article.save_revision().publish()
    return article


def load(browser, url: str, *, width: int = 1280, scroll: bool = False) -> list:
    """Load ``url`` and return (resource type, URL, bytes counted) per request."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    if scroll:  # down the page as a reader does: every lazy image loads
        height = page.evaluate("document.body.scrollHeight")
        for top in range(0, height + 450, 450):
            page.evaluate(f"window.scrollTo(0, {top})")
            page.wait_for_timeout(50)
        page.wait_for_function("[...document.images].every(image => image.complete)")
        page.wait_for_load_state("networkidle")
    loaded = []
    for response in responses:
        kind = response.request.resource_type
        body = response.body()
        size = len(gzip.compress(body, 6)) if kind in TEXT_TYPES else len(body)
        loaded.append((kind, response.url, size))
    images = page.evaluate(
        """() => [...document.querySelectorAll("main img")].map(img => ({
            src: img.currentSrc, srcset: img.getAttribute("srcset") || "",
            sizes: img.getAttribute("sizes") || "", loading: img.loading,
            priority: img.getAttribute("fetchpriority"),
            shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
            complete: img.complete}))"""
    )
    context.close()
    return loaded, images


def check_article_without_images(browser, url: str) -> None:
    loaded, _ = load(browser, url)
    text = sum(size for kind, _, size in loaded if kind in TEXT_TYPES)
    assert text <= ARTICLE_TEXT_BUDGET, loaded
    assert len(loaded) <= ARTICLE_REQUESTS, loaded


def check_front_page(browser, url: str) -> None:
    loaded, _ = load(browser, url, scroll=True)
    assert sum(size for _, _, size in loaded) <= FRONT_PAGE_BUDGET, loaded
    assert any(kind == "image" for kind, _, _ in loaded)


def check_images(browser, url: str, *, width: int, lead: bool) -> None:
    loaded, images = load(browser, url, width=width, scroll=True)
    assert images, url
    first, *others = images
    if lead:  # fetched first and at once; every other image lazily
        assert first["priority"] == "high" and first["loading"] != "lazy", url
    else:
        others = images
    assert all(image["loading"] == "lazy" for image in others), (url, others)
    for image in images:
        assert image["sizes"] and image["srcset"], (url, image)
        assert image["src"].endswith(".webp"), (url, image)
        # Sharp in its slot, and not much larger than the slot needs.
        assert image["natural"] >= image["shown"] * 0.95, (url, width, image)
        assert image["natural"] <= max(image["shown"] * 2, 480), (url, image)
    fetched = [url for kind, url, _ in loaded if kind == "image"]
    assert all(url.endswith(".webp") for url in fetched), (url, fetched)


def test_demo_pages_keep_their_weight_budgets_and_responsive_webp_images(
    browser, live_server, demo
):
    # One test, as building the demo newsroom takes most of its time.
    with_images = ArticlePage.objects.live().filter(lead_image__isnull=False).first()
    pages = {"/": True, with_images.get_parent().url: False, with_images.url: True}
    for path, lead in pages.items():  # a section lists, it has no lead image
        for width in (1280, 400):
            check_images(browser, live_server.url + path, width=width, lead=lead)
    check_front_page(browser, live_server.url + "/")
    check_article_without_images(browser, live_server.url + plain_article().url)
