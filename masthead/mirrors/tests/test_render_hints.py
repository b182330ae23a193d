"""What the export's renderer reads once, and which answers it takes from a view."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect

from masthead.mirrors import generations
from masthead.mirrors.exporter import Exporter
from masthead.news.factories import (
    ArticlePageFactory,
    InfoPageFactory,
    NewsImageFactory,
)
from masthead.news.models import ArticlePage, export_hints, pages, prepare_cards

pytestmark = pytest.mark.django_db


def exporter_past_first_page() -> Exporter:
    """An exporter whose first page went through Django's handler, as in
    an export: later pages render from their views."""
    exporter = Exporter()
    exporter.plan = generations.plan()
    assert exporter.render("/")[4] == ""
    assert exporter.site is not None
    return exporter


def rendition_queries(queries) -> list[str]:
    return [
        query["sql"] for query in queries if 'FROM "news_newsrendition"' in query["sql"]
    ]


def test_an_image_leading_many_articles_is_read_once_with_its_renditions(section):
    image = NewsImageFactory()
    articles = [
        ArticlePageFactory(parent=section, title=f"Flood {number}", lead_image=image)
        for number in range(4)
    ]
    warm = exporter_past_first_page()  # the renditions made, as on a served site
    warm.render_many([article.url for article in articles])
    cache.clear()
    # The front page's cards, then an article's own lead image (Open Graph,
    # JSON-LD) and its "Read more" cards show the one image: its renditions
    # are read once.
    with CaptureQueriesContext(connection) as first:
        exporter = exporter_past_first_page()
        results = exporter.render_many([articles[0].url])
    assert results[0][5] == "", results[0][5]
    assert b'property="og:image"' in results[0][2]
    assert len(rendition_queries(first.captured_queries)) == 1
    # Later batches, their cards and articles, meet it again: no query.
    with CaptureQueriesContext(connection) as later:
        results = exporter.render_many([a.url for a in articles[1:]])
    assert [result[5] for result in results] == ["", "", ""]
    assert rendition_queries(later.captured_queries) == []


def test_an_export_keeps_so_many_images_and_those_it_shows(section, monkeypatch):
    monkeypatch.setattr(pages, "IMAGES_KEPT", 1)
    first, second = NewsImageFactory(), NewsImageFactory()
    articles = [
        ArticlePageFactory(parent=section, title=f"Dock {n}", lead_image=image)
        for n, image in enumerate((first, second))
    ]
    known = export_hints.Snapshot()
    with export_hints.rendering(known):
        for article in articles:
            read = ArticlePage.objects.filter(pk=article.pk).select_related(
                "lead_image"
            )
            (card,) = prepare_cards(read)
            assert card.lead_image is known.images[card.lead_image_id]
    assert list(known.images) == [second.pk]


def test_every_kind_of_page_takes_its_url_from_the_snapshot(home, section):
    article = ArticlePageFactory(parent=section, title="Harbour")
    about = InfoPageFactory(parent=home, title="About us")
    known = export_hints.Snapshot()
    with export_hints.rendering(known):
        urls = [page.url for page in (home, section, article, about)]
        assert [page.url for page in (home, section, article, about)] == urls
    assert {key[0] for key in known.url_parts} == {
        home.pk,
        section.pk,
        article.pk,
        about.pk,
    }


def test_a_form_refusing_a_get_is_recorded_from_its_view_alone(home):
    exporter = exporter_past_first_page()
    exporter.handler = None  # the view answers, or this fails
    target, content, is_html, found, problem = exporter.render(
        "/newsletters/subscribe/"
    )
    assert (content, problem) == (None, "405 /newsletters/subscribe/")


def test_a_missing_page_is_reported_as_the_site_answers_it(section):
    # The view's 404 goes through the middleware, which answers an address
    # an editor redirected with the redirect.
    Redirect.objects.create(old_path=f"{section.url}gone", redirect_link=section.url)
    exporter = exporter_past_first_page()
    assert exporter.render(f"{section.url}gone/")[4] == f"301 {section.url}gone/"
    assert exporter.render(f"{section.url}never/")[4] == f"404 {section.url}never/"
