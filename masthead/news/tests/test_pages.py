"""Pages, "Read more", publishing and the selectors behind them."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from masthead.news import selectors, services
from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    InfoPageFactory,
    body_blocks,
    hours_ago,
)
from masthead.news.models import (
    ArticlePage,
    HomePage,
    InfoPage,
    RelatedArticle,
    SectionPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit(django_capture_on_commit_callbacks):
    global _capture  # the helper below is called with plain arguments
    _capture = django_capture_on_commit_callbacks


def article(section, title, tags=(), hours=1, text="", **kwargs):
    """Publish an article, running what publishing queues after commit."""
    with _capture(execute=True):
        return ArticlePageFactory(
            parent=section,
            title=title,
            tag_names=tags,
            first_published_at=hours_ago(hours),
            body=body_blocks([text or f"{title}."]),
            **kwargs,
        )


def test_publishing_an_article_ranks_its_read_more_links(section):
    courts = article(section, "Blogger jailed", ["courts", "censorship"], hours=5)
    music = article(section, "Band on tour", ["music"], hours=4)
    verdict = article(section, "Appeal rejected", ["courts", "censorship"], hours=1)
    related = [link.related for link in RelatedArticle.objects.filter(article=verdict)]
    assert related == [courts]
    assert music not in verdict.read_more()


def test_publishing_updates_read_more_of_articles_sharing_tags(section):
    first = article(section, "Blogger jailed", ["courts"], hours=5)
    second = article(section, "Appeal rejected", ["courts"], hours=2)
    article(section, "Band on tour", ["music"], hours=1)
    assert first.read_more() == [second]


def test_read_more_falls_back_to_latest_in_section(section, other_section):
    older = article(section, "Budget passes", ["budget"], hours=9)
    newer = article(section, "Minister resigns", ["military"], hours=3)
    article(other_section, "Choir banned", ["music"], hours=1)
    lonely = article(section, "Quiet news", ["theatre"], hours=2)
    assert lonely.read_more() == [newer, older]


def test_read_more_skips_unpublished_articles(section):
    gone = article(section, "Blogger jailed", ["courts"], hours=5)
    kept = article(section, "Court hearing", ["courts"], hours=4)
    target = article(section, "Appeal rejected", ["courts"], hours=1)
    with _capture(execute=True):
        gone.unpublish()
    assert target.read_more() == [kept]


def test_more_in_section_excludes_the_article_and_read_more(section):
    a = article(section, "One", ["courts"], hours=5)
    b = article(section, "Two", ["music"], hours=4)
    target = article(section, "Three", ["courts"], hours=1)
    assert target.read_more() == [a]
    assert target.more_in_section(exclude=(a.pk,)) == [b]


def test_recompute_is_idempotent(section):
    article(section, "Blogger jailed", ["courts"], hours=5)
    target = article(section, "Appeal rejected", ["courts"], hours=1)
    services.related_articles_recompute(articles=[target])
    services.related_articles_recompute(articles=[target])
    assert RelatedArticle.objects.filter(article=target).count() == 1


def test_front_page_leads_with_latest_and_lists_sections(
    client, section, other_section
):
    article(section, "Older politics", hours=9)
    lead = article(other_section, "Newest of all", hours=1)
    response = client.get("/")
    assert response.context["lead"] == lead
    listed = dict(response.context["sections"])
    assert [a.title for a in listed[section]] == ["Older politics"]
    assert listed[other_section] == []
    assert response.content.decode().count("card--lead") == 1


def test_article_page_shows_everything_a_reader_needs(client, section):
    author = AuthorFactory(name="Mira Holm", slug="mira-holm")
    page = article(
        section,
        "Commission bars candidate",
        ["elections"],
        standfirst="The decision came late at night.",
        dateline="Riga",
        authors=[author],
        sources=[("Radio Kestrel", "https://example.org/k"), ("Vesna Daily", "")],
        corrections=[(timezone.now(), "An earlier version misstated the date.")],
        updated_at=timezone.now(),
    )
    html = client.get(page.url).content.decode()
    for expected in [
        '<h1 class="article__headline">Commission bars candidate</h1>',
        "The decision came late at night.",
        'href="/authors/mira-holm/">Mira Holm</a>',
        ", Riga",
        '<a href="https://example.org/k" rel="noopener noreferrer">Radio Kestrel</a>'
        " reported",
        "Vesna Daily reported",
        "An earlier version misstated the date.",
        'href="/tags/elections/"',
        "Updated",
    ]:
        assert expected in html


def test_section_paginates_with_an_older_articles_link(client, section):
    for n in range(14):
        article(section, f"Story {n}", hours=n + 1)
    first = client.get("/politics/")
    assert len(first.context["articles"]) == 12
    assert 'rel="next" href="?page=2">Older articles</a>' in first.content.decode()
    second = client.get("/politics/?page=2")
    assert [a.title for a in second.context["articles"]] == ["Story 12", "Story 13"]


def test_author_page_lists_their_articles(client, section):
    author = AuthorFactory(
        name="Ana Brook", slug="ana-brook", bio="<p>Leads investigations.</p>"
    )
    article(section, "Offshore money", authors=[author])
    article(section, "Someone else's story")
    response = client.get("/authors/ana-brook/")
    assert [a.title for a in response.context["articles"]] == ["Offshore money"]
    assert "Leads investigations." in response.content.decode()


def test_tag_page_lists_tagged_articles(client, section):
    article(section, "Tagged", ["prisons"])
    article(section, "Untagged")
    response = client.get("/tags/prisons/")
    assert [a.title for a in response.context["articles"]] == ["Tagged"]


def test_scheduled_article_goes_live_with_publish_scheduled(section):
    page = article(section, "Embargoed", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    assert not ArticlePage.objects.get(pk=page.pk).live
    # Let the hour pass.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert ArticlePage.objects.get(pk=page.pk).live


def test_search_finds_live_articles_only(section):
    found = article(section, "Heating tariffs rise", text="Heating tariffs rise again.")
    hidden = article(section, "Heating draft", text="Heating draft.")
    hidden.unpublish()
    ids = selectors.search_article_ids(query="heating")
    assert ids == [found.pk]


def test_search_results_are_cached_under_the_normalised_query(
    section, django_assert_num_queries
):
    article(section, "Heating tariffs rise", text="Heating tariffs rise again.")
    query, _ = selectors.normalise_query("  HEATING\t ")
    first = selectors.search_article_ids(query=query)
    again, _ = selectors.normalise_query("heating")
    with django_assert_num_queries(0):
        assert selectors.search_article_ids(query=again) == first


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Korvik   Election ", ("korvik election", False)),
        ("a\x00b\x1fc", ("a b c", False)),
        ("x" * 500, ("x" * 100, True)),
        ('"unbalanced (quote* OR', ("unbalanced quote or", False)),
        ("Ａｂｃ", ("abc", False)),
        ("", ("", False)),
    ],
)
def test_a_search_query_is_folded_stripped_and_cut_to_100_characters(raw, expected):
    assert selectors.normalise_query(raw) == expected


def test_each_cited_source_is_credited_with_the_editors_verb(client, section):
    page = article(
        section,
        "Transport fares rise",
        sources=[
            ("Radio Kestrel", "https://example.org/k", "reported"),
            ("Ilmsby city transport office", "", "said"),
            ("State statistics", "", "according_to"),
            ("Procurement records", "", ""),
        ],
    )
    html = client.get(page.url).content.decode()
    sources = html[html.index('id="sources-heading"') : html.index("</aside>")]
    assert (
        '<a href="https://example.org/k" rel="noopener noreferrer">Radio Kestrel</a>'
        " reported</li>"
    ) in sources
    assert "<li>Ilmsby city transport office said</li>" in sources
    assert "<li>According to State statistics</li>" in sources
    assert "<li>Procurement records</li>" in sources


def test_a_source_name_is_escaped_in_its_credit(client, section):
    page = article(section, "Odd name", sources=[("<b>Bold</b> & co", "", "said")])
    html = client.get(page.url).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co said" in html


def test_information_pages_are_linked_from_every_pages_footer(client, home, section):
    about = InfoPageFactory(parent=home, title="About us", slug="about")
    InfoPageFactory(parent=home, title="Hidden", slug="hidden", show_in_menus=False)
    story = article(section, "A story")
    response = client.get("/about/")
    assert response.status_code == 200
    assert "<h1>About us</h1>" in response.content.decode()
    for path in ["/", "/politics/", story.url, "/authors/", "/search/?q=x", "/nope/"]:
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert f'<a href="{about.url}">About us</a>' in footer, path
        assert 'href="/politics/">Politics</a>' in footer, path
        assert "Hidden" not in footer, path


def test_the_front_page_leads_with_a_new_story_after_the_demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo", verbosity=0)
    home = HomePage.objects.get()
    assert home.lead_article_id is None
    section = SectionPage.objects.live().first()
    fresh = article(section, "Breaking: a new story", hours=0)
    assert Client().get("/").context["lead"] == fresh
    assert {p.slug for p in InfoPage.objects.live()} == {"about", "contact", "privacy"}
