"""The exported folder in a real browser: under a sub-path, from file://, offline."""

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from masthead.mirrors import search_index
from masthead.mirrors.export import export_site
from masthead.mirrors.services import mirror_add
from masthead.news.factories import ArticlePageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def exported(section, other_section, tmp_path, monkeypatch):
    # An index part per page id: the article searched for is in a merged part.
    monkeypatch.setattr(search_index, "PART_SIZE", 1)
    for number in range(13):
        ArticlePageFactory(parent=section, title=f"Story {number}")
    ArticlePageFactory(parent=other_section, title="Lantern festival returns")
    mirror_add(url="https://lantern.mirror.example")
    export_site(tmp_path / "www" / "copies" / "lantern")
    return tmp_path / "www"


@pytest.fixture
def static_server(exported):
    handler = functools.partial(Quiet, directory=str(exported))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/copies/lantern/"
    yield base, server
    server.shutdown()
    server.server_close()


def crawl(tab, start: str, inside: str) -> set[str]:
    seen, queue = set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = tab.page.goto(url)
        assert response is None or response.ok, url
        hrefs = tab.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            href = href.split("#")[0]
            if href.startswith(inside) and href.endswith((".html", "/")):
                queue.append(href)
    return seen


def test_the_export_works_under_a_sub_path(tab, static_server, exported):
    base, _ = static_server
    seen = crawl(tab, base + "index.html", base)
    assert base + "politics/story-3/index.html" in seen
    assert base + "politics/page/2/index.html" in seen
    assert base + "mirrors/index.html" in seen
    assert tab.outside_requests() == []
    assert tab.errors == []

    site = exported / "copies" / "lantern"
    parts = json.loads((site / search_index.PARTS_LIST).read_text())
    assert len(parts) == 14 - 1  # every article but the primary's is merged in
    tab.page.goto(base + "politics/story-3/index.html")
    tab.page.fill("#site-search", "Lantern festival")
    tab.page.press("#site-search", "Enter")
    result = tab.page.locator("#export-search-results a").first
    result.wait_for()
    assert "Lantern festival returns" in result.inner_text()
    href = result.evaluate("a => a.href")
    assert href.startswith(base) and tab.page.goto(href).ok
    assert tab.outside_requests() == []


def test_the_export_works_from_file(tab, exported):
    root = (exported / "copies" / "lantern").as_uri() + "/"
    seen = crawl(tab, root + "index.html", root)
    assert root + "politics/story-3/index.html" in seen
    assert root + "culture/lantern-festival-returns/index.html" in seen
    assert all(urlsplit(url).scheme == "file" for url in tab.requests)
    tab.page.goto(root + "search/index.html?q=lantern")
    assert tab.page.locator("#export-search-file").is_visible()


def test_the_service_worker_shows_the_mirrors_page_when_offline(tab, static_server):
    base, server = static_server
    tab.page.goto(base + "index.html")
    tab.page.wait_for_function(
        "navigator.serviceWorker && navigator.serviceWorker.controller !== null"
        " || navigator.serviceWorker.ready.then(() => true)"
    )
    tab.page.evaluate("navigator.serviceWorker.ready")
    tab.page.reload()  # now controlled by the worker
    server.shutdown()
    server.server_close()
    tab.page.goto(base + "politics/story-3/index.html")
    heading = tab.page.get_by_role("heading", level=1)
    assert heading.inner_text() == "How to reach us"
    assert "lantern.mirror.example" in tab.page.content()
    cached = tab.page.evaluate(
        "caches.open('masthead-mirrors-v1').then(c => c.keys())"
        ".then(keys => keys.map(k => k.url))"
    )
    assert not any("story" in url for url in cached)
