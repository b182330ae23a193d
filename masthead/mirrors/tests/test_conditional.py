"""Conditional requests: CDNs and caching proxies revalidate cheaply."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from masthead.news.factories import ArticlePageFactory
from masthead.testing import sign_in_verified

pytestmark = pytest.mark.django_db

PATHS = ["/", "/politics/first-story/", "/feed.xml", "/feed.json", "/mirrors.json"]


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="First story")


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_pages_carry_validators_and_answer_304(client, story, path):
    first = client.get(path)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["X-Page-Cache"] == "miss"
    # A hit carries the validators the page was stored with.
    hit = client.get(path)
    assert hit["X-Page-Cache"] == "hit"
    assert (hit["ETag"], hit["Last-Modified"]) == (etag, modified)
    for condition in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_MODIFIED_SINCE": modified},
    ):
        response = client.get(path, **condition)
        assert response.status_code == 304, condition
        assert response.content == b""
        assert response["ETag"] == etag
        assert response["Cache-Control"] == "public, max-age=60"


def test_a_stale_validator_gets_the_new_page(
    client, section, story, django_capture_on_commit_callbacks
):
    etag = client.get("/")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=section, title="Second story")
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"Second story" in response.content
    assert response["ETag"] != etag
    assert client.get("/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_miss_answers_304_too(client, story):
    etag = client.get("/politics/")["ETag"]
    cache.clear()  # as when the entry expires or is evicted
    response = client.get("/politics/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert client.get("/politics/")["X-Page-Cache"] == "hit"


def test_validators_work_with_the_default_file_cache(client, story, tmp_path):
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    with override_settings(CACHES=caches):
        first = client.get("/politics/first-story/")
        hit = client.get("/politics/first-story/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert hit.status_code == 304
        assert any((tmp_path / "cache").iterdir())


def test_pages_that_set_a_cookie_or_are_private_are_not_revalidated_as_public(
    client, story, django_user_model
):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    sign_in_verified(client, user)
    response = client.get("/politics/first-story/")
    assert "public" not in response["Cache-Control"]
    assert "Last-Modified" not in response
