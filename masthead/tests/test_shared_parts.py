"""The parts of reader pages kept in memory (masthead.memo) follow every edit.

Each process keeps the header, the footer, the appeals, the sign-up block
and the mirror list it rendered, keyed by the versions that renew them.
Every render here is uncached (the page cache off), on the default file
cache, and each edit goes the way an editor's does: saved, then committed.
"""

import re

import pytest

from masthead.appeals.factories import appeal_build
from masthead.appeals.models import Appeal, AppealVariant, Placement
from masthead.mirrors.services import mirror_add
from masthead.news.factories import (
    ArticlePageFactory,
    InfoPageFactory,
    NewsImageFactory,
)
from masthead.newsletters.models import Newsletter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached(settings, file_cache):
    settings.PAGE_CACHE_SERVER_TIMEOUT = 0  # every request renders its page


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="Harbour vote")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the edit inside queued for after its commit (cache renewals)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def render(client, path: str, **headers) -> str:
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    assert "X-Page-Cache" not in response  # rendered, not answered from a copy
    return response.content.decode()


def part(html: str, start: str, end: str) -> str:
    found = re.search(re.escape(start) + ".*?" + re.escape(end), html, re.S)
    assert found, start
    return found.group(0)


def header_nav(html: str) -> str:
    return part(html, '<nav class="wrap sections-nav"', "</nav>")


def footer(html: str) -> str:
    return part(html, '<footer class="site-footer">', "</footer>")


def test_a_renamed_section_shows_in_the_header_and_footer_of_the_next_render(
    client, section, story, commit
):
    before = render(client, story.url)
    assert ">Politics</a>" in header_nav(before)
    with commit():
        section.title = "Power"
        section.save_revision().publish()
    after = render(client, story.url)
    for shown in (header_nav(after), footer(after)):
        assert ">Power</a>" in shown
        assert "Politics" not in shown


def test_an_information_page_put_in_the_footer_shows_on_the_next_render(
    client, home, story, commit
):
    assert "Ethics policy" not in footer(render(client, story.url))
    with commit():
        InfoPageFactory(parent=home, title="Ethics policy", show_in_menus=True)
    assert '<a href="/ethics-policy/">Ethics policy</a>' in footer(
        render(client, story.url)
    )


def test_an_appeal_edited_then_switched_off_shows_so_on_the_next_render(
    client, story, commit
):
    with commit():
        appeal_build("winter", placement=Placement.BANNER)
    assert "winter headline 0" in render(client, "/")
    assert "winter headline 0" in render(client, story.url)
    with commit():
        variant = AppealVariant.objects.get(appeal__key="winter")
        variant.headline = "Keep the lights on"
        variant.save()
    for path in ("/", story.url):
        page = render(client, path)
        assert "Keep the lights on" in page
        assert "winter headline 0" not in page
    with commit():
        appeal = Appeal.objects.get(key="winter")
        appeal.active = False
        appeal.save()
    for path in ("/", story.url):
        assert 'data-appeal="winter"' not in render(client, path)


def test_an_end_of_article_appeal_edit_shows_on_the_next_render(client, story, commit):
    with commit():
        appeal_build("spring")
    assert "spring headline 0" in render(client, story.url)
    with commit():
        variant = AppealVariant.objects.get(appeal__key="spring")
        variant.headline = "Fund the harbour desk"
        variant.save()
    page = render(client, story.url)
    assert "Fund the harbour desk" in page
    assert "spring headline 0" not in page


def test_an_image_given_new_alt_text_shows_so_in_cards_and_lead_images(
    client, section, commit
):
    # The image of a card and of an article's lead are kept by the image,
    # not by the article: the same picture leads many stories.
    image = NewsImageFactory(description="A ferry at dawn")
    first = ArticlePageFactory(parent=section, title="Ferry fares", lead_image=image)
    ArticlePageFactory(parent=section, title="Ferry crews", lead_image=image)
    for path in (first.url, section.url):
        assert 'alt="A ferry at dawn"' in render(client, path)
    with commit():
        image.description = "A ferry in fog"
        image.save()
    for path in (first.url, section.url):
        html = render(client, path)
        assert 'alt="A ferry in fog"' in html, path
        assert "A ferry at dawn" not in html, path


def test_a_renamed_newsletter_shows_in_the_footer_of_the_next_render(
    client, story, commit
):
    with commit():
        newsletter = Newsletter.objects.create(name="Morning brief", slug="morning")
    assert "Morning brief" in footer(render(client, story.url))
    with commit():
        newsletter.name = "Evening brief"
        newsletter.save()
    shown = footer(render(client, story.url))
    assert "Evening brief" in shown
    assert "Morning brief" not in shown


def test_a_mirror_added_shows_in_the_footer_of_the_next_render(client, story, commit):
    assert "lantern.mirror.example" not in render(client, story.url)
    with commit():
        mirror_add(url="https://lantern.mirror.example")
    mirrors = part(
        footer(render(client, story.url)), '<p class="footer-mirrors">', "</p>"
    )
    assert '<a href="https://lantern.mirror.example/">' in mirrors


def test_only_the_section_a_page_is_marked_current_in_the_header(
    client, section, other_section, story
):
    def current(path: str) -> list[str]:
        nav = header_nav(render(client, path))
        return re.findall(r'aria-current="page">([^<]+)<', nav)

    assert current("/politics/") == ["Politics"]
    assert current("/culture/") == ["Culture"]
    assert current(story.url) == []
    assert current("/") == []


def test_the_search_box_shows_each_query_and_no_other_page_does(client, story):
    first = render(client, "/search/?q=harbour")
    box = part(first, '<input id="site-search"', ">")
    assert 'value="harbour"' in box
    second = render(client, "/search/?q=floods")
    assert 'value="floods"' in second
    assert "harbour" not in part(second, '<header class="site-header">', "</header>")
    assert 'maxlength="200" value=""' in render(client, story.url)


def test_a_mirror_host_gets_its_own_links_and_the_same_header_and_footer(
    client, story, commit
):
    with commit():
        mirror_add(url="https://lantern.mirror.example")
    main = render(client, story.url)
    mirrored = render(client, story.url, HTTP_HOST="lantern.mirror.example")
    again = render(client, story.url)
    # The article's head holds the host it was asked by; it is kept per host.
    assert 'content="http://testserver/politics/harbour-vote/"' in main
    assert 'content="http://lantern.mirror.example/politics/harbour-vote/"' in (
        mirrored
    )
    assert "lantern.mirror.example/politics" not in again
    # The header and footer hold no host: links are host-relative.
    for shown in (header_nav, footer):
        assert shown(main) == shown(mirrored) == shown(again)
    assert "testserver" not in footer(main)
