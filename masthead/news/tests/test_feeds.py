"""Feeds, sitemaps, robots.txt and structured data."""

import html
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    NewsImageFactory,
    body_blocks,
    hours_ago,
)
from masthead.news.templatetags.news_tags import og_locale

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mirror_host(settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]


@pytest.fixture
def articles(section, other_section):
    author = AuthorFactory(name="Mira Holm", slug="mira-holm")
    return [
        ArticlePageFactory(
            parent=section,
            title="Commission bars candidate",
            standfirst="The decision came late.",
            body=body_blocks(["Full <b>text</b> of the story.", "Second paragraph."]),
            authors=[author],
            tag_names=["elections"],
            lead_image=NewsImageFactory(title="Ballot boxes"),
            first_published_at=hours_ago(2),
        ),
        ArticlePageFactory(
            parent=other_section,
            title="Choir banned",
            first_published_at=hours_ago(72),
        ),
    ]


@pytest.mark.parametrize("url", ["/feed.xml", "/atom.xml"])
def test_xml_feeds_parse_cleanly_with_full_text(client, articles, url):
    response = client.get(url, HTTP_HOST="mirror.example")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Commission bars candidate", "Choir banned"]
    first = feed.entries[0]
    assert first.link == "http://mirror.example/politics/commission-bars-candidate/"
    assert "Full <b>text</b> of the story." in first.content[0].value
    assert first.summary == "The decision came late."
    assert first.author == "Mira Holm"
    assert [tag.term for tag in first.tags] == ["elections"]


def test_section_feed_lists_only_its_articles(client, articles):
    feed = feedparser.parse(client.get("/culture/feed.xml").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Choir banned"]


def test_unknown_section_feed_is_404(client, articles):
    assert client.get("/nowhere/feed.xml").status_code == 404


def test_json_feed_follows_version_1_1(client, articles):
    response = client.get("/feed.json", HTTP_HOST="mirror.example")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["home_page_url"] == "http://mirror.example/"
    item = feed["items"][0]
    assert item["url"] == "http://mirror.example/politics/commission-bars-candidate/"
    assert item["id"] == item["url"]
    assert "Full <b>text</b> of the story." in item["content_html"]
    assert item["authors"] == [
        {"name": "Mira Holm", "url": "http://mirror.example/authors/mira-holm/"}
    ]
    assert item["image"].startswith("http://mirror.example/media/images/")
    assert item["tags"] == ["elections"]
    section_feed = json.loads(client.get("/politics/feed.json").content)
    assert [i["title"] for i in section_feed["items"]] == ["Commission bars candidate"]


def test_feed_images_have_absolute_urls(client, section):
    ArticlePageFactory(
        parent=section,
        title="Pictured",
        body=[("image", {"image": NewsImageFactory(), "caption": "A", "credit": ""})],
    )
    content = json.loads(client.get("/feed.json").content)["items"][0]["content_html"]
    sources = re.findall(r'src="([^"]+)"', content)
    assert sources
    assert all(src.startswith("http://testserver/media/") for src in sources)


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def test_sitemap_lists_pages_authors_and_tags(client, articles):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    assert {
        "http://testserver/",
        "http://testserver/politics/",
        "http://testserver/politics/commission-bars-candidate/",
        "http://testserver/authors/mira-holm/",
        "http://testserver/tags/elections/",
    } <= locations


def test_news_sitemap_lists_the_last_48_hours(client, articles):
    response = client.get("/news-sitemap.xml")
    root = ET.fromstring(response.content)
    urls = root.findall(f"{SITEMAP}url")
    assert [u.find(f"{SITEMAP}loc").text for u in urls] == [
        "http://testserver/politics/commission-bars-candidate/"
    ]
    news = urls[0].find(f"{NEWS}news")
    assert news.find(f"{NEWS}title").text == "Commission bars candidate"
    assert news.find(f"{NEWS}publication/{NEWS}language").text == "en"
    published = news.find(f"{NEWS}publication_date").text
    assert published.startswith(str(timezone.now().year))


def test_robots_txt_points_at_both_sitemaps(client, home):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_article_carries_news_article_json_ld(client, articles):
    html = client.get(articles[0].url, HTTP_HOST="mirror.example").content.decode()
    data = _jsonld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Commission bars candidate"
    assert data["description"] == "The decision came late."
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Mira Holm",
            "url": "http://mirror.example/authors/mira-holm/",
        }
    ]
    assert data["publisher"]["name"] == "The Lantern"
    assert data["articleSection"] == "Politics"
    assert data["datePublished"] == articles[0].first_published_at.isoformat()
    assert data["image"][0].startswith("http://mirror.example/media/images/")
    assert data["mainEntityOfPage"]["@id"] == (
        "http://mirror.example/politics/commission-bars-candidate/"
    )


def test_json_ld_cannot_break_out_of_its_script_tag(client, section):
    page = ArticlePageFactory(parent=section, title="</script><script>alert(1)")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert _jsonld(html)["headline"] == "</script><script>alert(1)"


def test_article_has_open_graph_and_canonical_on_the_main_domain(client, articles):
    html = client.get(articles[0].url, HTTP_HOST="mirror.example").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Commission bars candidate">' in html
    assert (
        '<link rel="canonical" '
        'href="https://news.example/politics/commission-bars-candidate/">' in html
    )


HOSTILE = (
    'A </script><script>alert(1)</script> and <img src=x onerror="alert(2)"> & more'
)


@pytest.fixture
def hostile(section):
    section.intro = HOSTILE
    section.save_revision().publish()
    return ArticlePageFactory(parent=section, title="Plain title", standfirst=HOSTILE)


def _html_fields(url: str, body: bytes) -> list[str]:
    """The text of every element that feed readers render as HTML."""
    root = ET.fromstring(body)
    if url.endswith("feed.xml"):
        return [element.text for element in root.iter("description")]
    atom = "{http://www.w3.org/2005/Atom}"
    return [element.text for element in root.iter(f"{atom}summary")]


@pytest.mark.parametrize("url", ["/feed.xml", "/atom.xml", "/politics/feed.xml"])
def test_plain_text_in_feeds_is_escaped_as_html(client, hostile, url):
    fields = _html_fields(url, client.get(url).content)
    assert len(fields) >= 1
    for text in fields:
        assert "<" not in text and ">" not in text, text
    assert any("&lt;/script&gt;&lt;script&gt;" in text for text in fields)
    assert any("&lt;img src=x onerror=" in text for text in fields)


@pytest.mark.parametrize("url", ["/feed.xml", "/atom.xml", "/politics/atom.xml"])
def test_feed_readers_show_the_standfirst_as_written(client, hostile, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.get("bozo_exception")
    summary = feed.entries[0].summary_detail
    assert summary.type == "text/html"
    assert "<" not in summary.value  # as HTML, it shows the text as written
    assert html.unescape(summary.value) == HOSTILE
    if url == "/politics/atom.xml":
        assert feed.feed.subtitle_detail.type == "text/plain"
        assert feed.feed.subtitle == HOSTILE


def test_rss_and_atom_items_carry_the_lead_image_and_every_author(client, section):
    mira = AuthorFactory(name="Mira Holm", slug="mira-holm")
    petr = AuthorFactory(name="Petr Lind", slug="petr-lind")
    ArticlePageFactory(
        parent=section,
        title="Commission bars candidate",
        authors=[mira, petr],
        lead_image=NewsImageFactory(title="Ballot boxes", description="Ballot boxes"),
    )
    media = "{http://search.yahoo.com/mrss/}"
    dc = "{http://purl.org/dc/elements/1.1/}"
    item = ET.fromstring(client.get("/feed.xml").content).find("channel/item")
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert re.fullmatch(r"http://testserver/media/images/.+\.jpg", enclosure.get("url"))
    assert int(enclosure.get("length")) > 1000
    content = item.find(f"{media}content")
    assert content.get("url") == enclosure.get("url")
    assert (content.get("width"), content.get("height")) == ("1200", "675")
    assert content.find(f"{media}description").text == "Ballot boxes"
    assert [c.text for c in item.findall(f"{dc}creator")] == ["Mira Holm", "Petr Lind"]

    atom = "{http://www.w3.org/2005/Atom}"
    entry = ET.fromstring(client.get("/atom.xml").content).find(f"{atom}entry")
    authors = [
        (a.find(f"{atom}name").text, a.find(f"{atom}uri").text)
        for a in entry.findall(f"{atom}author")
    ]
    assert authors == [
        ("Mira Holm", "http://testserver/authors/mira-holm/"),
        ("Petr Lind", "http://testserver/authors/petr-lind/"),
    ]
    links = {link.get("rel"): link for link in entry.findall(f"{atom}link")}
    assert links["enclosure"].get("href") == enclosure.get("url")
    assert links["enclosure"].get("type") == "image/jpeg"


def test_open_graph_and_twitter_card_use_the_forms_their_readers_expect(
    client, articles
):
    html = client.get(articles[0].url).content.decode()
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="675">' in html
    assert '<meta property="og:image:alt" content="Illustration: Ballot boxes">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'property="twitter:' not in html


@pytest.mark.parametrize(
    ("language", "locale"),
    [("en", "en_US"), ("en-gb", "en_GB"), ("ru", "ru_RU"), ("uk", "uk_UA")],
)
def test_og_locale_pairs_a_language_with_a_territory(language, locale):
    assert og_locale(language) == locale


def test_section_pages_advertise_every_feed_of_the_section(client, articles):
    html = client.get("/politics/").content.decode()
    for kind, path in [
        ("application/rss+xml", "/politics/feed.xml"),
        ("application/atom+xml", "/politics/atom.xml"),
        ("application/feed+json", "/politics/feed.json"),
    ]:
        assert re.search(
            rf'<link rel="alternate" type="{re.escape(kind)}"'
            rf' title="Politics \([^)]+\)" href="{re.escape(path)}">',
            html,
        ), kind
        assert client.get(path).status_code == 200
