"""The export's fast renders write the bytes the site's own views write."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

from masthead.memo import rendering_once
from masthead.mirrors import generations, sitemap
from masthead.mirrors.exporter import Exporter
from masthead.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())
    cache.clear()


def handler_render(exporter: Exporter, url: str) -> bytes:
    """The page as the site serves it: through Django's handler, middleware
    included (the export renders from the view)."""
    request = exporter.request(url)
    # As the export renders it: what needs our server says so.
    with rendering_once({}):
        response = exporter.handler.get_response(request)
    exporter.site = exporter.site or request._wagtail_site
    assert response.status_code == 200, url
    return response.content


def test_the_export_sitemap_is_the_sitemap_the_site_serves(demo):
    exporter = Exporter()
    exporter.plan = generations.plan()
    expected = handler_render(exporter, sitemap.PATH)
    assert exporter.site is not None
    fast = sitemap.render(exporter.request(sitemap.PATH), exporter.site)
    assert fast is not None
    assert fast == expected
    assert fast.count(b"<url>") > 20
    assert b"<lastmod>" in fast and b"/tags/" in fast and b"/authors/" in fast
    # And the export writes it, links followed as before.
    target, content, is_html, found, problem = exporter.render(sitemap.PATH)
    assert (target, content, is_html, problem) == ("sitemap.xml", expected, False, "")
    assert "/" in found and any(url.startswith("/tags/") for url in found)


def test_a_sitemap_query_string_is_left_to_the_view(demo):
    exporter = Exporter()
    handler_render(exporter, "/")
    assert sitemap.render(exporter.request("/sitemap.xml?p=2"), exporter.site) is None


def test_every_page_renders_the_same_with_cards_kept_and_listings_known(demo):
    # The export renders from the views, without the middleware, listings
    # with each article's card rendered once and the listings' articles from
    # its plan; the site renders them through its handler, without either.
    exporter = Exporter()
    exporter.plan = generations.plan()
    urls = [url for url in exporter.plan.keys if url != "*"]
    urls += exporter.plan.info_pages
    kinds = {"/", "/tags/", "/authors/", "/feed.xml", sitemap.PATH}
    assert all(any(url.startswith(kind) for url in urls) for kind in kinds)
    assert any("?page=" in url for url in urls)
    for url in urls:  # the first pass keeps every card
        exporter.render_many([url])
    assert len(exporter.known.cards) > 20
    for url in urls:
        cache.clear()
        handler, exporter.handler = exporter.handler, None  # the views answer
        target, fast, is_html, found, problem = exporter.render_many([url])[0][1:]
        exporter.handler = handler
        cache.clear()
        plain = handler_render(exporter, url)
        if is_html:
            plain = exporter.rewrite_html(plain.decode(), target, []).encode()
        assert fast == plain, url


def test_listings_query_for_themselves_when_there_are_other_sites(section, home):
    ArticlePageFactory(parent=section, title="Counted")
    listings = generations.plan().listings
    assert len(listings[section.url_path[len(home.url_path) - 1 :]]) == 1
    Site.objects.create(hostname="other.example", root_page=home)
    assert generations.plan().listings == {}
