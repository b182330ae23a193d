"""One rule for what readers see listed: live articles with no view restriction."""

import pytest
from wagtail.models import PageViewRestriction

from masthead import pagecache
from masthead.news import services
from masthead.news.factories import ArticlePageFactory, AuthorFactory, hours_ago
from masthead.news.tasks import recompute_related

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/",
    "/politics/",
    "/politics/?page=1",
    "/tags/heating/",
    "/authors/mira-holm/",
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/politics/feed.xml",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/search/?q=heating",
    "/politics/heating-subsidy-is-cut/",  # its "Read more" and "More in …"
]


@pytest.fixture
def articles(section):
    author = AuthorFactory(name="Mira Holm", slug="mira-holm")
    public = ArticlePageFactory(
        parent=section,
        title="Heating subsidy is cut",
        standfirst="Heating costs rise for households.",
        tag_names=["heating"],
        authors=[author],
        first_published_at=hours_ago(3),
    )
    restricted = ArticlePageFactory(
        parent=section,
        title="Heating talks embargoed",
        standfirst="Heating negotiations, for members only.",
        tag_names=["heating", "embargo-only"],
        authors=[author],
        first_published_at=hours_ago(1),
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    services.related_articles_recompute(articles=[public, restricted])
    return public, restricted


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_show_public_articles_and_not_view_restricted_ones(
    client, articles, url
):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    if url != "/politics/heating-subsidy-is-cut/":
        assert "heating-subsidy-is-cut" in content
    assert "Heating talks embargoed" not in content
    assert "heating-talks-embargoed" not in content


def test_tags_only_a_restricted_article_has_are_not_in_the_sitemap(client, articles):
    content = client.get("/sitemap.xml").content.decode()
    assert "/tags/heating/" in content
    assert "/tags/embargo-only/" not in content


def test_a_restricted_lead_story_does_not_lead(client, home, articles):
    home.lead_article = articles[1]
    home.save_revision().publish()
    content = client.get("/").content.decode()
    assert "Heating talks embargoed" not in content
    assert "Heating subsidy is cut" in content


def test_a_restricted_section_keeps_its_articles_out_of_every_listing(
    client, articles, other_section
):
    hidden = ArticlePageFactory(
        parent=other_section, title="Members briefing", tag_names=["heating"]
    )
    PageViewRestriction.objects.create(
        page=other_section, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert hidden.live
    for url in ("/", "/tags/heating/", "/feed.xml", "/search/?q=briefing"):
        content = client.get(url).content.decode()
        assert "Members briefing" not in content, url


def _read_more(response) -> str:
    """The "Read more" section of an article page."""
    content = response.content.decode()
    start = content.index('id="read-more-heading"')
    return content[start : content.index("</section>", start)]


def test_the_related_task_clears_the_pages_whose_read_more_it_changes(
    client, section, django_capture_on_commit_callbacks
):
    older = ArticlePageFactory(
        parent=section, title="Tram fares rise", tag_names=["transport"]
    )
    other = ArticlePageFactory(
        parent=section, title="Bus lanes open", tag_names=["transport"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        recompute_related.enqueue(article_id=other.pk)
    # Published: the page cache is cleared at commit, but the task that
    # ranks "Read more" has not run yet when a reader asks for the page.
    new = ArticlePageFactory(
        parent=section, title="Night trams return", tag_names=["transport"]
    )
    pagecache.clear()
    url = older.get_url()
    assert "Night trams return" not in _read_more(client.get(url))
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        recompute_related.enqueue(article_id=new.pk)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Night trams return" in _read_more(response)


def test_recomputing_unchanged_links_keeps_the_cached_pages(
    client, section, django_capture_on_commit_callbacks
):
    first = ArticlePageFactory(parent=section, title="Tram fares rise", tag_names=["t"])
    ArticlePageFactory(parent=section, title="Bus lanes open", tag_names=["t"])
    with django_capture_on_commit_callbacks(execute=True):
        recompute_related.enqueue(article_id=first.pk)
    client.get(first.get_url())
    with django_capture_on_commit_callbacks(execute=True):
        recompute_related.enqueue(article_id=first.pk)
    assert client.get(first.get_url())["X-Page-Cache"] == "hit"
