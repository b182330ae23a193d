"""One rule for what readers see listed: live articles with no view restriction."""

import pytest
from wagtail.models import PageViewRestriction

from masthead.news import services
from masthead.news.factories import ArticlePageFactory, AuthorFactory, hours_ago

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
