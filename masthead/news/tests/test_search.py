"""Reader search on more articles than it shows: the best listed ones, in order."""

import pytest

from masthead.news import selectors
from masthead.news.factories import ArticlePageFactory, body_blocks, hours_ago
from masthead.news.models import ArticlePage

pytestmark = pytest.mark.django_db

SHOWN = 3


@pytest.fixture
def archive(section, django_capture_on_commit_callbacks, monkeypatch):
    """Drafts that rank best for "heating", then more listed matches than shown."""
    monkeypatch.setattr(selectors, "SEARCH_RESULTS_MAX", SHOWN)

    def add(title, text, live=True):
        with django_capture_on_commit_callbacks(execute=True):
            return ArticlePageFactory(
                parent=section,
                title=title,
                live=live,
                first_published_at=hours_ago(1),
                body=body_blocks([text]),
            )

    # More drafts than the first batch of ranked ids, each a stronger match
    # than any listed article: the bound must not be filled with them.
    drafts = [
        add(f"Heating {n}", "Heating heating heating.", live=False) for n in range(9)
    ]
    listed = [
        add(f"Heating report {n}", "Heating " * (n + 1) + "tariffs rise " * 20)
        for n in range(6)
    ]
    add("Water supplies", "Nothing about it here.")
    return drafts, listed


def test_search_shows_the_best_listed_articles_up_to_the_bound(archive):
    drafts, listed = archive
    # The order of Wagtail's own search backend over the listed articles.
    ranked = [
        page.pk for page in ArticlePage.objects.listed_for_search().search("heating")
    ]
    assert sorted(ranked) == sorted(page.pk for page in listed)
    ids, limited = selectors.search_results(query="heating")
    assert ids == ranked[:SHOWN]
    assert limited


def test_search_with_several_words_or_none_found(archive):
    _, listed = archive
    ids, limited = selectors.search_results(query="heating tariffs")
    assert len(ids) == SHOWN and set(ids) <= {page.pk for page in listed}
    assert limited
    assert selectors.search_results(query="heating qwzxvb") == ([], False)
    assert selectors.search_results(query="water") != ([], False)


def test_the_search_page_says_when_it_shows_only_the_first_results(client, archive):
    _, listed = archive
    response = client.get("/search/", {"q": "heating"})
    assert response.status_code == 200
    assert len(response.context["articles"]) == SHOWN
    assert response.context["limited"] is True
    assert response.context["limit"] == SHOWN
    assert f"here are the {SHOWN} that match best" in response.content.decode()
    response = client.get("/search/", {"q": "water"})
    assert [a.title for a in response.context["articles"]] == ["Water supplies"]
    assert response.context["limited"] is False


def test_a_query_that_finds_nothing_is_not_kept(
    section, django_capture_on_commit_callbacks
):
    assert selectors.search_results(query="qwzxvb") == ([], False)
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(
            parent=section,
            title="Qwzxvb explained",
            first_published_at=hours_ago(1),
            body=body_blocks(["Qwzxvb."]),
        )
    # An article published since is found at once, not after the cache period.
    assert selectors.search_results(query="qwzxvb") == ([page.pk], False)
