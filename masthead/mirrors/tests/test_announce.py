"""The registry announced: /mirrors.json, /mirrors/, footers and feeds."""

import json
import re
from datetime import datetime, timedelta

import feedparser
import pytest
from django.utils import timezone

from masthead.mirrors.models import Kind, Status
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ONION = "lanternx" * 7 + ".onion"


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="First story")


@pytest.fixture
def registry(story):
    later = timezone.localdate() + timedelta(days=10)
    return {
        "web": mirror_add(
            url="https://lantern.mirror.example", note="Fast in the east."
        ),
        "second": mirror_add(url="http://second.mirror.example"),
        "old": mirror_add(
            url="https://old.mirror.example", status=Status.DEPRECATED, retire_on=later
        ),
        "gone": mirror_add(url="https://gone.mirror.example", status=Status.RETIRED),
        "onion": mirror_add(url=f"http://{ONION}", kind=Kind.ONION),
        "copy": mirror_add(url="https://bucket.example/lantern/", kind=Kind.STATIC),
        "bundle": mirror_add(url="https://files.example/lantern.zip", kind=Kind.STATIC),
        "telegram": mirror_add(
            url="https://t.me/lantern_news", kind=Kind.OTHER, label="Telegram channel"
        ),
    }


def test_mirrors_json_has_the_bc2_shape(client, registry):
    response = client.get("/mirrors.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["version"] == "2.0"
    [site] = data["sites"]
    assert site["main_domain"] == "news.example"
    alternatives = site["available_alternatives"]
    for alternative in alternatives:
        assert set(alternative) == {"proto", "type", "url", "created_at", "updated_at"}
        datetime.fromisoformat(alternative["created_at"])
        datetime.fromisoformat(alternative["updated_at"])
    assert [(a["proto"], a["type"], a["url"]) for a in alternatives] == [
        ("https", "mirror", "https://lantern.mirror.example"),
        ("http", "mirror", "http://second.mirror.example"),
        ("tor", "eotk", f"http://{ONION}"),
        ("https", "mirror", "https://bucket.example/lantern/"),
    ]


def test_mirrors_json_is_cacheable_like_reader_pages(client, registry):
    first = client.get("/mirrors.json")
    assert first["Cache-Control"] == "public, max-age=60"
    assert not first.cookies
    assert client.get("/mirrors.json")["X-Page-Cache"] == "hit"


def test_mirrors_json_with_an_empty_registry(client, db):
    data = json.loads(client.get("/mirrors.json").content)
    assert data == {
        "version": "2.0",
        "sites": [{"main_domain": "news.example", "available_alternatives": []}],
    }


def test_how_to_reach_us_lists_every_way_in(client, registry):
    response = client.get("/mirrors/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    html = response.content.decode()
    assert (
        '<a href="https://lantern.mirror.example/">lantern.mirror.example</a>' in html
    )
    assert "Fast in the east." in html
    assert "old.mirror.example" in html and "(until " in html
    assert "gone.mirror.example" not in html
    assert f"http://{ONION}" in html and "Tor Browser" in html
    assert 'href="https://files.example/lantern.zip" download' in html
    assert 'href="https://bucket.example/lantern/"' in html
    assert '<a href="https://t.me/lantern_news">Telegram channel</a>' in html
    for feed in ("/feed.xml", "/atom.xml", "/feed.json"):
        assert f'href="{feed}"' in html
    assert "newsletter" in html.lower()
    assert 'href="/mirrors.json"' in html


def test_how_to_reach_us_without_mirrors_still_helps(client, story):
    html = client.get("/mirrors/").content.decode()
    assert "We have no mirror at the moment" in html
    assert "download>" not in html
    assert "On Tor" not in html


def _footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("path", ["/", "/politics/", "/politics/first-story/"])
def test_every_page_footer_names_a_few_mirrors(client, registry, path):
    footer = _footer(client.get(path).content.decode())
    assert '<a href="https://lantern.mirror.example/">' in footer
    assert '<a href="http://second.mirror.example/">' in footer
    assert f'<a href="http://{ONION}/">our onion service (Tor)</a>' in footer
    assert '<a href="https://t.me/lantern_news">Telegram channel</a>' in footer
    assert '<a href="/mirrors/">How to reach us</a>' in footer
    for absent in ("old.mirror.example", "gone.mirror.example", "lantern.zip"):
        assert absent not in footer


def test_a_new_mirror_reaches_cached_footers_at_once(
    client, story, django_capture_on_commit_callbacks
):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        mirror_add(url="https://fresh.mirror.example")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "fresh.mirror.example" in _footer(response.content.decode())


@pytest.mark.parametrize("url", ["/feed.xml", "/atom.xml", "/politics/feed.xml"])
def test_every_xml_feed_item_ends_with_the_mirrors(client, registry, url):
    feed = feedparser.parse(client.get(url).content)
    [entry] = feed.entries
    content = entry.content[0].value
    assert 'href="https://lantern.mirror.example/"' in content
    assert f'href="http://{ONION}/"' in content
    assert 'href="http://testserver/mirrors/"' in content


def test_json_feed_items_end_with_the_mirrors(client, registry):
    mirror_host = "lantern.mirror.example"
    data = json.loads(client.get("/feed.json", HTTP_HOST=mirror_host).content)
    [item] = data["items"]
    assert f'href="http://{mirror_host}/mirrors/"' in item["content_html"]
    assert len(re.findall(r"<a href=", item["content_html"])) >= 5
