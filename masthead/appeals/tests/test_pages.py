"""Appeals in the server-rendered pages: the same cacheable HTML for all."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from masthead.appeals.models import Placement
from masthead.news.factories import ArticlePageFactory, body_blocks

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """Start tags in document order, with their attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def appeal_tags(html: str) -> dict[str, dict]:
    return {
        attrs["data-appeal"]: attrs
        for tag, attrs in Elements(html).tags
        if "data-appeal" in attrs
    }


def test_article_carries_all_three_placements(client, appeal_factory, long_article):
    appeal_factory("end", show_goal_meter=True)
    appeal_factory("banner", placement=Placement.BANNER)
    appeal_factory("inline", placement=Placement.INLINE, inline_after=2)
    response = client.get(long_article.url)
    html = response.content.decode()
    appeals = appeal_tags(html)
    # Without JavaScript the end-of-article appeal shows; the others wait
    # for the reader's device.
    assert "hidden" not in appeals["end"]
    assert "hidden" in appeals["banner"]
    assert "hidden" in appeals["inline"]
    assert appeals["end"]["data-snooze-days"] == "7"
    assert appeals["end"]["data-donor-days"] == "180"
    assert appeals["end"]["data-audience"] == "non_donors"
    # The banner comes first, so keyboard users reach it before the header.
    assert html.index('data-appeal="banner"') < html.index('class="site-header"')
    # Inline: right after the second paragraph of the body.
    assert re.search(r"Paragraph 2\.</p>\s*<aside[^>]*data-appeal=\"inline\"", html)
    end = html[html.index('data-appeal="end"') :]
    assert 'class="goal goal--compact"' in end
    assert "We have covered <strong>0%</strong>" in end


def test_pages_with_appeals_stay_cacheable_and_script_free_inline(
    client, appeal_factory, long_article
):
    appeal_factory("end")
    appeal_factory("banner", placement=Placement.BANNER)
    first = client.get(long_article.url)
    again = client.get(long_article.url)
    assert first["Cache-Control"] == "public, max-age=60"
    assert not first.cookies
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    scripts = [a for tag, a in Elements(first.content.decode()).tags if tag == "script"]
    # The one executable script is a file; JSON-LD is data, not code.
    # Appeals add one script; the other is the mirrors' service worker.
    assert [a.get("src", "").split("/")[-1] for a in scripts if "src" in a] == [
        "appeals.js",
        "register.js",
    ]
    assert all(
        a.get("type") == "application/ld+json" for a in scripts if "src" not in a
    )
    assert next(a for a in scripts if "src" in a)["data-beacon"] == "/appeals/beacon"


def test_variants_are_all_rendered_with_attributed_buttons(
    client, appeal_factory, long_article
):
    appeal_factory(
        "favour",
        variants=[
            {"headline": "A small favour", "frequency": "month", "amount": 2},
            {"headline": "Give once", "frequency": "one_time", "amount": 10},
        ],
    )
    html = client.get(long_article.url).content.decode()
    variants = [attrs for tag, attrs in Elements(html).tags if "data-variant" in attrs]
    assert [(v["data-variant"], "hidden" in v) for v in variants] == [
        ("A", False),
        ("B", True),
    ]
    assert (
        'href="/support/?frequency=month&amp;currency=USD&amp;appeal=favour'
        '&amp;variant=A&amp;amount=200"' in html
    )
    assert "variant=B&amp;amount=1000" in html


def test_short_articles_go_without_the_inline_appeal(client, appeal_factory, section):
    appeal_factory("inline", placement=Placement.INLINE, inline_after=4)
    short = ArticlePageFactory(parent=section, body=body_blocks(["One.", "Two."]))
    html = client.get(short.url).content.decode()
    assert 'data-appeal="inline"' not in html
    assert "<p>One.</p>" in html and "<p>Two.</p>" in html


def test_paragraphs_are_counted_inside_a_text_block(client, appeal_factory, section):
    appeal_factory("inline", placement=Placement.INLINE, inline_after=3)
    article = ArticlePageFactory(
        parent=section,
        body=[
            ("paragraph", body_blocks(["x"])[0][1].__class__("<p>1</p><p>2</p>")),
            ("heading", "A heading"),
            ("paragraph", body_blocks(["x"])[0][1].__class__("<p>3</p><p>4</p>")),
        ],
    )
    html = client.get(article.url).content.decode()
    assert re.search(
        r"<p>3</p>\s*<aside[^>]*data-appeal=\"inline\"[\s\S]*<p>4</p>", html
    )


def test_section_and_language_limits_apply_to_pages(
    client, appeal_factory, section, other_section
):
    appeal_factory("politics", sections=[section])
    appeal_factory("russian", language="ru")
    politics = ArticlePageFactory(parent=section)
    culture = ArticlePageFactory(parent=other_section)
    russian = ArticlePageFactory(parent=other_section, language="ru")
    assert set(appeal_tags(client.get(politics.url).content.decode())) == {"politics"}
    assert set(appeal_tags(client.get(culture.url).content.decode())) == set()
    assert set(appeal_tags(client.get(russian.url).content.decode())) == {"russian"}


def test_the_banner_shows_on_reader_pages_but_not_on_support_pages(
    client, appeal_factory, section
):
    appeal_factory("banner", placement=Placement.BANNER)
    for path in ("/", section.url, "/search/?q=x"):
        assert "banner" in appeal_tags(client.get(path).content.decode()), path
    for path in ("/support/", "/support/thanks/", "/support/manage/"):
        assert appeal_tags(client.get(path).content.decode()) == {}, path
    thanks = client.get("/support/thanks/").content.decode()
    assert "data-appeals-donated" in thanks


def test_the_support_page_takes_the_buttons_preselection(client, home):
    html = client.get(
        "/support/?frequency=year&currency=EUR&amount=5000&appeal=favour&variant=B"
    ).content.decode()
    assert 'name="appeal" value="favour"' in html
    assert 'name="variant" value="B"' in html
    assert re.search(r'value="5000"[^>]*checked', html)
    odd = client.get("/support/?frequency=month&currency=USD&amount=1500")
    form = odd.context["form"]
    assert form.initial["amount"] == "other"
    assert str(form.initial["custom_amount"]) == "15.00"


def test_without_javascript_an_appeal_not_yet_started_stays_hidden(
    client, appeal_factory, long_article
):
    appeal_factory("later", priority=5, starts_at=timezone.now() + timedelta(hours=2))
    appeal_factory("now")
    appeals = appeal_tags(client.get(long_article.url).content.decode())
    # Both are on the page (it may be cached past the start), but only the
    # running one shows to readers without scripts.
    assert "hidden" in appeals["later"]
    assert "data-start" in appeals["later"]
    assert "hidden" not in appeals["now"]


def test_deleting_its_only_section_switches_an_appeal_off(
    appeal_factory, section, other_section
):
    lonely = appeal_factory("lonely", sections=[section])
    shared = appeal_factory("shared", sections=[section, other_section])
    section.delete()
    lonely.refresh_from_db()
    shared.refresh_from_db()
    assert (lonely.active, shared.active) == (False, True)
    assert [s.pk for s in shared.sections.all()] == [other_section.pk]


def test_switching_frequency_or_currency_keeps_the_appeal(client, home):
    html = client.get(
        "/support/?frequency=month&currency=USD&amount=200&appeal=favour&variant=B"
    ).content.decode()
    assert (
        'href="?frequency=one_time&amp;currency=USD&amp;appeal=favour&amp;variant=B"'
        in html
    )
    assert (
        'href="?frequency=month&amp;currency=EUR&amp;appeal=favour&amp;variant=B"'
        in html
    )
    plain = client.get("/support/").content.decode()
    assert 'href="?frequency=one_time&amp;currency=USD"' in plain
