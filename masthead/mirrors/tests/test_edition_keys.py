"""An edition's page in the export shows its articles as they are now: an
edit to any of them renders it again, whether or not the article is one the
listings show, and so does a page that a full-text edition's bodies link to.
"""

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from masthead.mirrors.export import export_site
from masthead.mirrors.tests.test_export_keys import newsroom, rendered  # noqa: F401
from masthead.news.factories import (
    ArticlePageFactory,
    HomePageFactory,
    SectionPageFactory,
)
from masthead.newsletters.models import Edition, EditionArticle, Newsletter

pytestmark = pytest.mark.django_db
EDITION = "newsletters/daily/first/index.html"


def send(*articles) -> Edition:
    now = timezone.now()
    edition = Edition.objects.create(
        newsletter=Newsletter.objects.get(slug="daily"), subject="Week one",
        slug="first", status=Edition.Status.SENT, started_at=now, sent_at=now,
    )  # fmt: skip
    for article in articles:
        EditionArticle.objects.create(edition=edition, article=article)
    return edition


def edit(article, **fields) -> None:
    article.refresh_from_db()
    for name, value in fields.items():
        setattr(article, name, value)
    article.save_revision().publish()


def test_a_restricted_article_stays_out_of_its_edition_until_it_is_public(
    newsroom,  # noqa: F811
    tmp_path,
    rendered,  # noqa: F811
):
    members = ArticlePageFactory(parent=newsroom.get_parent(), title="Members brief")
    restriction = PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    send(members, newsroom)
    site = tmp_path / "site"
    export_site(site)
    page = (site / EDITION).read_text()
    assert "Harbour" in page and "Members brief" not in page  # as every listing

    restriction.delete()
    edit(members, title="Members brief, now for everyone")
    export_site(site)

    assert "Members brief, now for everyone" in (site / EDITION).read_text(), rendered


def test_an_edited_article_of_another_site_renders_its_edition_again(
    newsroom,  # noqa: F811
    tmp_path,
):
    other_home = HomePageFactory(
        parent=Page.get_first_root_node(), title="Other", slug="other"
    )
    Site.objects.create(hostname="other.example", root_page=other_home)
    world = SectionPageFactory(parent=other_home, title="World", slug="world")
    far = ArticlePageFactory(parent=world, title="Far away")
    send(far)
    site = tmp_path / "site"
    export_site(site)

    edit(far, title="Far away, updated")
    export_site(site)

    assert "Far away, updated" in (site / EDITION).read_text()


def test_a_full_text_edition_follows_a_page_its_body_links_to(
    newsroom,  # noqa: F811
    tmp_path,
    rendered,  # noqa: F811
):
    market = ArticlePageFactory(
        parent=newsroom.get_parent(), title="Fish market at dawn"
    )
    link = f'<p>See <a linktype="page" id="{market.pk}">the market</a>.</p>'
    citing = ArticlePageFactory(
        parent=newsroom.get_parent(), title="Citing story",
        body=[("paragraph", RichText(link))],
    )  # fmt: skip
    Newsletter.objects.filter(slug="daily").update(full_text=True)
    send(citing)
    site = tmp_path / "site"
    export_site(site)
    assert "fish-market-at-dawn/" in (site / EDITION).read_text()

    edit(market, slug="fish-market-moved")
    rendered.clear()
    export_site(site)

    page = (site / EDITION).read_text()
    assert "fish-market-moved/" in page and "fish-market-at-dawn/" not in page, rendered
