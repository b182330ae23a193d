"""The page cache on the default file cache: what it forgets never goes back."""

import threading

import pytest
from django.core.cache import cache

from masthead import pagecache
from masthead.news.factories import ArticlePageFactory
from masthead.tests.conftest import file_cache_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(section):
    return ArticlePageFactory(
        parent=section, title="Old headline", standfirst="What the council decided."
    )


def _edit_headline(story, title, capture) -> None:
    with capture(execute=True):
        story.title = title
        story.save_revision().publish()


def _front_page(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_edited_headline_stays_after_the_generation_would_have_expired(
    client, file_cache, clock, story, django_capture_on_commit_callbacks
):
    assert "Old headline" in _front_page(client)
    _edit_headline(story, "New headline", django_capture_on_commit_callbacks)
    assert "New headline" in _front_page(client)
    # The file cache's incr gave a counter the default 300 s lifetime; pages
    # are kept 600 s, so the old front page was still there to come back.
    for seconds in (301, 599):
        clock.seconds = seconds
        page = _front_page(client)
        assert "New headline" in page
        assert "Old headline" not in page


def test_an_edited_headline_stays_when_the_cache_forgets_the_generation(
    client, any_cache, story, django_capture_on_commit_callbacks
):
    assert "Old headline" in _front_page(client)
    _edit_headline(story, "New headline", django_capture_on_commit_callbacks)
    assert "New headline" in _front_page(client)
    for _ in range(3):
        cache.delete(pagecache.GENERATION_KEY)
        page = _front_page(client)
        assert "New headline" in page
        assert "Old headline" not in page


def test_an_edited_headline_survives_a_flood_that_culls_the_cache(
    client, settings, tmp_path, story, django_capture_on_commit_callbacks
):
    # A small cache, so that a short flood culls it (random thirds) many times.
    settings.CACHES = file_cache_settings(tmp_path / "cache", max_entries=12)
    for version in range(6):
        _front_page(client)  # cached under the current generation
        _edit_headline(story, f"Headline {version}", django_capture_on_commit_callbacks)
        for n in range(30):
            client.get(f"/robots.txt?flood={version}-{n}")
            page = _front_page(client)
            assert f"Headline {version}" in page, (version, n)


def test_fragment_versions_never_repeat_when_forgotten(file_cache):
    seen = {pagecache.version("funding")}
    for _ in range(20):
        pagecache.changed("funding")
        seen.add(pagecache.version("funding"))
        file_cache.delete("pagecache:version:funding")
        seen.add(pagecache.version("funding"))
    assert len(seen) == 41


def test_generations_only_grow_and_are_kept_without_expiry(file_cache, clock):
    before = pagecache.generation()
    pagecache.clear()
    after = pagecache.generation()
    assert after > before
    clock.seconds = 30 * 24 * 3600
    assert pagecache.generation() == after


def test_a_request_reads_each_version_once_and_sees_its_own_change(file_cache):
    renew_elsewhere = threading.Thread(target=pagecache.changed, args=("funding",))
    with pagecache.versions_per_request():
        first = pagecache.version("funding")
        renew_elsewhere.start()  # another request, in another context
        renew_elsewhere.join()
        assert pagecache.version("funding") == first
        pagecache.changed("funding")  # this request changes the data itself
        mine = pagecache.version("funding")
        assert mine != first
    assert pagecache.version("funding") == mine
