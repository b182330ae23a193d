"""The page cache at the WSGI level: no request gets around it, hits cost no Django.

Most tests run the real WSGI application (masthead.wsgi's wrapper around
Django's handler) on the default file cache, as `masthead serve` runs it.
"""

import gzip
import time
from types import SimpleNamespace

import brotli
import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from masthead import pagecache
from masthead.news.factories import ArticlePageFactory
from masthead.testing import sign_in_verified
from masthead.tests.conftest import file_cache_settings
from masthead.wsgicache import PageCacheApplication

pytestmark = pytest.mark.django_db

ARTICLE = "/politics/first-story/"


@pytest.fixture
def story(section):
    return ArticlePageFactory(
        parent=section, title="First story", standfirst="What the council decided."
    )


@pytest.fixture
def app(settings, tmp_path):
    """The WSGI application `masthead serve` runs, on the default file cache."""
    settings.CACHES = file_cache_settings(tmp_path / "cache")
    return PageCacheApplication(WSGIHandler())


def call(app, path, *, method="GET", **headers):
    """Send one request through ``app``; return its status, headers and body."""
    environ = RequestFactory().generic(method, path, **headers).environ
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = status
        started["headers"] = response_headers

    # As Django's test client does: the test's database stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = app(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    headers = {}
    for name, value in started["headers"]:
        headers.setdefault(name.lower(), []).append(value)
    return SimpleNamespace(
        status=int(started["status"][:3]),
        headers={name: ", ".join(values) for name, values in headers.items()},
        cookies=headers.get("set-cookie", []),
        body=body,
    )


def test_unused_parameters_and_made_up_cookies_get_the_cached_page(app, story):
    first = call(app, ARTICLE)
    assert first.headers["x-page-cache"] == "miss"
    for n in range(5):
        response = call(
            app,
            f"{ARTICLE}?x={n}&utm_source=flood{n}",
            HTTP_COOKIE=f"sessionid=made-up-{n}; csrftoken={n}; masthead_signed_in=f",
        )
        assert response.status == 200
        assert response.headers["x-page-cache"] == "hit", n
        assert response.body == first.body
        assert response.cookies == []


def test_a_changed_setting_reaches_hits_at_once(app, story, settings):
    """The settings a hit reads are copies (masthead.pagecache.hot), renewed
    when a setting changes."""
    call(app, ARTICLE)
    assert call(app, ARTICLE).headers["x-page-cache"] == "hit"
    settings.PAGE_CACHE_SERVER_TIMEOUT = 0  # the page cache off
    assert "x-page-cache" not in call(app, ARTICLE).headers
    settings.PAGE_CACHE_SERVER_TIMEOUT = 600
    settings.MIRRORS_REFRESH_SECONDS = 0  # every hit checks the host again
    settings.ALLOWED_HOSTS = ["*", "elsewhere.example"]
    assert call(app, ARTICLE).status == 400


@pytest.mark.parametrize("n", range(3))
def test_floods_get_the_cached_page_on_every_cache(any_cache, story, n):
    app = PageCacheApplication(WSGIHandler())
    call(app, ARTICLE)
    response = call(app, f"{ARTICLE}?x=flood-{n}", HTTP_COOKIE=f"sessionid=s{n}")
    assert response.headers["x-page-cache"] == "hit"


def test_hits_ask_the_shared_cache_nothing_until_the_interval_ends(
    app, story, monkeypatch
):
    # The process's clock, stopped and moved by hand; the interval is 1 s.
    later = SimpleNamespace(seconds=0.0)
    monkeypatch.setattr(
        pagecache.generations,
        "time",
        SimpleNamespace(monotonic=lambda: 1000 + later.seconds, time_ns=time.time_ns),
    )
    call(app, ARTICLE)
    backend = caches["default"]
    shared_get = backend.get
    asked = []

    def counting_get(key, *args, **kwargs):
        asked.append(key)
        return shared_get(key, *args, **kwargs)

    monkeypatch.setattr(backend, "get", counting_get)
    for _ in range(20):
        assert call(app, ARTICLE).headers["x-page-cache"] == "hit"
    assert asked == []
    # Another process publishes: this one serves what it has for the rest of
    # the interval, then reads the new generation (one get) and renders.
    caches["default"].set(pagecache.GENERATION_KEY, pagecache.generation() + 1)
    later.seconds = 0.9
    assert call(app, ARTICLE).headers["x-page-cache"] == "hit"
    later.seconds = 1.1
    assert call(app, ARTICLE).headers["x-page-cache"] == "miss"
    assert asked.count(pagecache.GENERATION_KEY) == 1


def test_the_render_of_a_miss_never_sees_unused_parameters(app, story):
    # The first request with junk renders the page that every other gets:
    # nothing it sent (the Onion-Location path, links) may end up in it.
    response = call(app, f"{ARTICLE}?evil=%3Cmarker%3E&page=1", HTTP_COOKIE="a=b")
    assert response.headers["x-page-cache"] == "miss"
    assert b"marker" not in response.body
    assert call(app, f"{ARTICLE}?page=1").headers["x-page-cache"] == "hit"


def test_query_parameters_are_normalised(app, story):
    first = call(app, "/search/?q=Council%20%20Story&utm=1")
    assert first.headers["x-page-cache"] == "miss"
    for path in (
        "/search/?q=council+story",
        "/search/?utm=2&q=COUNCIL%20story",
        "/search/?page=&q=council%20story",
        "/search/?q=other&q=council+story",
    ):
        assert call(app, path).headers["x-page-cache"] == "hit", path
    assert call(app, "/search/?q=council+story&page=2").status == 404
    assert call(app, "/search/?q=another").headers["x-page-cache"] == "miss"


def test_each_host_and_scheme_has_its_own_entries(app, story, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    call(app, "/feed.xml")
    mirrored = call(app, "/feed.xml", HTTP_HOST="mirror.example")
    assert mirrored.headers["x-page-cache"] == "miss"
    assert b"http://mirror.example/politics/first-story/" in mirrored.body
    assert call(app, "/feed.xml", HTTP_HOST="mirror.example").body == mirrored.body


def test_an_unknown_host_gets_400_even_where_a_page_is_cached(app, story, settings):
    assert call(app, ARTICLE).status == 200
    assert call(app, ARTICLE, HTTP_HOST="evil.example").status == 400


def test_a_hit_carries_the_complete_headers_of_the_miss(app, story):
    miss = call(app, ARTICLE)
    hit = call(app, ARTICLE)
    assert hit.headers.pop("x-page-cache") == "hit"
    assert miss.headers.pop("x-page-cache") == "miss"
    assert hit.headers == miss.headers
    for name in (
        "content-security-policy",
        "permissions-policy",
        "cross-origin-resource-policy",
        "x-frame-options",
        "x-content-type-options",
        "referrer-policy",
        "etag",
        "last-modified",
    ):
        assert name in hit.headers, name
    assert hit.headers["cache-control"] == "public, max-age=60"


@pytest.mark.parametrize(
    ("accept", "coding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("", "identity"),
        ("identity", "identity"),
        ("*", "br"),
        ("gzip;q=0, br;q=0", "identity"),
    ],
)
def test_pages_are_sent_compressed_as_the_client_asks(app, story, accept, coding):
    identity = call(app, ARTICLE).body
    for _ in range(2):
        response = call(app, ARTICLE, HTTP_ACCEPT_ENCODING=accept)
        assert response.headers["x-page-cache"] == "hit"
        assert response.headers["vary"] == "Accept-Encoding"
        assert response.headers.get("content-encoding", "identity") == coding
        assert int(response.headers["content-length"]) == len(response.body)
        decoded = {
            "br": brotli.decompress,
            "gzip": gzip.decompress,
            "identity": bytes,
        }[coding](response.body)
        assert decoded == identity
    if coding != "identity":
        assert len(response.body) < len(identity) / 2


def test_a_compressed_miss_is_stored_uncompressed_and_answered_compressed(app, story):
    miss = call(app, "/feed.json", HTTP_ACCEPT_ENCODING="br")
    assert miss.headers["x-page-cache"] == "miss"
    assert miss.headers["content-encoding"] == "br"
    plain = call(app, "/feed.json")
    assert plain.headers["x-page-cache"] == "hit"
    assert "content-encoding" not in plain.headers
    assert brotli.decompress(miss.body) == plain.body


def test_validators_answer_304_for_every_coding(app, story):
    plain = call(app, ARTICLE)
    compressed = call(app, ARTICLE, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed.headers["etag"] == "W/" + plain.headers["etag"]
    for etag in (plain.headers["etag"], compressed.headers["etag"]):
        for accept in ("", "gzip", "br"):
            response = call(
                app, ARTICLE, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_ENCODING=accept
            )
            assert response.status == 304
            assert response.body == b""
            assert response.headers["vary"] == "Accept-Encoding"
    since = call(app, ARTICLE, HTTP_IF_MODIFIED_SINCE=plain.headers["last-modified"])
    assert since.status == 304
    assert call(app, ARTICLE, HTTP_IF_NONE_MATCH='"other"').status == 200


def test_head_gets_the_headers_without_the_body(app, story):
    get = call(app, ARTICLE)
    head = call(app, ARTICLE, method="HEAD")
    assert head.status == 200
    assert head.body == b""
    assert head.headers["content-length"] == get.headers["content-length"]


def test_a_signed_in_editor_gets_uncached_private_pages(app, client, story, admin_user):
    call(app, ARTICLE)  # cached for readers
    sign_in_verified(client, admin_user)
    cookies = "; ".join(f"{c.key}={c.value}" for c in client.cookies.values())
    response = call(app, ARTICLE, HTTP_COOKIE=cookies)
    assert response.status == 200
    assert "x-page-cache" not in response.headers
    assert response.headers["cache-control"] == "private, no-cache"
    # The session alone, or a signal copied from another session, is no proof.
    session = client.cookies["sessionid"].value
    forged = f"sessionid={session}; masthead_signed_in={pagecache.signal_for('x')}"
    assert call(app, ARTICLE, HTTP_COOKIE=forged).headers["x-page-cache"] == "hit"


def test_signing_in_sets_the_signal_and_signing_out_clears_it(
    client, story, django_user_model
):
    reporter = django_user_model.objects.create_user(
        "reporter", password="a long passphrase"
    )
    reporter.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/", {"username": "reporter", "password": "a long passphrase"}
    )
    assert response.status_code == 302
    session = client.cookies["sessionid"].value
    assert client.cookies[pagecache.SIGNAL_COOKIE].value == pagecache.signal_for(
        session
    )
    assert "X-Page-Cache" not in client.get(ARTICLE)
    client.post("/admin/logout/")
    assert client.cookies[pagecache.SIGNAL_COOKIE].value == ""
    client.get(ARTICLE)
    assert client.get(ARTICLE)["X-Page-Cache"] == "hit"


def test_anonymous_pages_never_set_the_signal(app, story):
    for path in (ARTICLE, "/", "/search/?q=council", "/support/", "/feed.xml"):
        assert call(app, path, HTTP_COOKIE="sessionid=made-up").cookies == []


def test_search_misses_past_the_limit_get_429_and_other_addresses_do_not(
    app, story, settings
):
    settings.PAGE_CACHE_MISS_LIMIT = {"PER_IP": 3, "WINDOW": 60}
    flood = {"REMOTE_ADDR": "203.0.113.7"}
    for n in range(3):
        assert call(app, f"/search/?q=word{n}", **flood).status == 200
    refused = call(app, "/search/?q=word99", **flood)
    assert refused.status == 429
    assert b"Too many searches" in refused.body
    assert int(refused.headers["retry-after"]) > 0
    assert refused.headers["cache-control"] == "no-store"
    assert "content-security-policy" in refused.headers
    # Hits are not misses: the limited address still reads cached pages.
    assert call(app, "/search/?q=word1", **flood).headers["x-page-cache"] == "hit"
    assert call(app, ARTICLE, **flood).status == 200
    other = call(app, "/search/?q=word99", REMOTE_ADDR="198.51.100.2")
    assert other.status == 200
    assert other.headers["x-page-cache"] == "miss"


def test_the_miss_limit_holds_when_a_flood_culls_the_cache(story, settings, tmp_path):
    settings.CACHES = file_cache_settings(tmp_path / "cache", max_entries=10)
    settings.PAGE_CACHE_MISS_LIMIT = {"PER_IP": 5, "WINDOW": 60}
    app = PageCacheApplication(WSGIHandler())
    statuses = [
        call(app, f"/search/?q=flood{n}", REMOTE_ADDR="203.0.113.7").status
        for n in range(30)
    ]
    assert statuses == [200] * 5 + [429] * 25


def test_uncached_anonymous_responses_are_compressed(app, story, client):
    response = call(app, "/no-such-page/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status == 404
    assert response.headers["content-encoding"] == "gzip"
    assert b"could not find" in gzip.decompress(response.body)
    assert "Accept-Encoding" in response.headers["vary"]


def test_responses_with_cookies_are_never_compressed(client, story, admin_user):
    sign_in_verified(client, admin_user)
    for path in (ARTICLE, "/admin/"):
        response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding"), path
