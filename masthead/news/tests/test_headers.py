"""What every reader response carries: no cookie, cache headers, security."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from masthead import pagecache
from masthead.news.factories import ArticlePageFactory, AuthorFactory
from masthead.testing import sign_in_verified

pytestmark = pytest.mark.django_db

READER_URLS = [
    "/",
    "/politics/",
    "/politics/first-story/",
    "/authors/reporter/",
    "/tags/courts/",
    "/search/?q=story",
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
    "/no-such-page/",
]


@pytest.fixture
def story(section):
    return ArticlePageFactory(
        parent=section,
        title="First story",
        tag_names=["courts"],
        authors=[AuthorFactory(name="Reporter", slug="reporter")],
    )


@pytest.mark.parametrize("url", READER_URLS)
def test_anonymous_responses_set_no_cookie_and_are_public(client, story, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("url", ["/", "/politics/first-story/", "/search/?q=x", "/x/"])
def test_reader_pages_send_a_strict_policy_and_no_sniffing(client, story, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src" not in csp  # nothing looser than default-src
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_previews_may_be_framed_by_the_admin_only(client, story):
    assert client.get("/politics/first-story/")["X-Frame-Options"] == "DENY"
    preview = story.make_preview_request()
    assert preview.status_code == 200
    assert b"First story" in preview.content
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    csp = preview["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "default-src 'self'" in csp


def test_hsts_is_sent_under_https(client, story, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_healthz_checks_the_database_and_is_not_cached(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_503_when_the_database_fails(client, db, monkeypatch):
    from django.db import connection

    def broken(*args, **kwargs):
        raise RuntimeError("database is gone")

    monkeypatch.setattr(connection, "cursor", broken)
    assert client.get("/healthz").status_code == 503


def test_second_request_is_served_from_the_page_cache(client, story):
    first = client.get("/politics/first-story/")
    second = client.get("/politics/first-story/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_cache_entries_are_per_host(client, story, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    client.get("/feed.xml")
    mirrored = client.get("/feed.xml", HTTP_HOST="mirror.example")
    assert mirrored["X-Page-Cache"] == "miss"
    assert b"http://mirror.example/politics/first-story/" in mirrored.content


def test_publishing_refreshes_cached_pages(
    client, section, story, django_capture_on_commit_callbacks
):
    assert b"Second story" not in client.get("/").content
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=section, title="Second story")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Second story" in response.content


def test_unpublishing_removes_the_article_from_cached_pages(
    client, story, django_capture_on_commit_callbacks
):
    assert b"First story" in client.get("/politics/").content
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert b"First story" not in client.get("/politics/").content
    assert client.get("/politics/first-story/").status_code == 404


def test_signed_in_editors_get_private_uncached_pages(client, story, admin_user):
    sign_in_verified(client, admin_user)
    response = client.get("/politics/first-story/")
    assert response["Cache-Control"] == "private, no-cache"
    assert "X-Page-Cache" not in response


def test_admin_is_never_public(client, admin_user):
    sign_in_verified(client, admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


@override_settings(PAGE_CACHE_MAX_AGE=300)
def test_max_age_is_configurable(client, story):
    assert client.get("/")["Cache-Control"] == "public, max-age=300"


def test_routing_finds_pages_and_refuses_the_rest(client, story):
    assert client.get("/politics/").status_code == 200
    assert client.get("/politics/first-story/").status_code == 200
    for path in ("/nowhere/", "/politics/nothing/", "/politics/first-story/more/"):
        assert client.get(path).status_code == 404, path


def test_an_uncached_article_stays_within_its_query_budget(
    client, story, django_assert_max_num_queries
):
    client.get("/politics/first-story/")  # renditions and first-hit work
    pagecache.clear()
    # Routing fetches each level's page as its own type (was 2 queries a
    # level), and the tags are read once (they were read three times): 18 → 14.
    with django_assert_max_num_queries(14):
        assert client.get("/politics/first-story/").status_code == 200


def test_restricting_a_cached_article_asks_readers_for_the_password(
    client, story, django_capture_on_commit_callbacks
):
    assert b"First story" in client.get("/politics/first-story/").content
    assert client.get("/politics/first-story/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    response = client.get("/politics/first-story/")
    assert b'name="password"' in response.content
    assert response.get("X-Page-Cache") != "hit"
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    response = client.get("/politics/first-story/")
    assert b'name="password"' not in response.content
    assert b"First story" in response.content


def test_a_restricted_section_covers_the_articles_in_it(
    client, section, story, django_capture_on_commit_callbacks
):
    assert b"First story" in client.get("/politics/first-story/").content
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert b'name="password"' in client.get("/politics/first-story/").content
