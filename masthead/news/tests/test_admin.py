"""The editor's side: Wagtail's admin for sections, articles, authors, images."""

import pytest
from django.urls import reverse

from masthead.news.factories import ArticlePageFactory, AuthorFactory
from masthead.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_admin_makes_no_calls_to_outside_hosts(admin_client, home):
    response = admin_client.get("/admin/")
    # The dashboard itself, not a redirect (to sign-in or a second factor).
    assert response.status_code == 200
    html = response.content.decode()
    assert "/admin/logout/" in html  # signed in: the dashboard offers sign-out
    assert "releases.wagtail.org" not in html
    assert "gravatar.com" not in html


def test_editor_can_open_every_content_form(admin_client, section):
    article = ArticlePageFactory(parent=section)
    urls = [
        reverse("wagtailadmin_explore", args=[section.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk]),
        reverse(
            "wagtailadmin_pages:add", args=["news", "infopage", section.get_parent().pk]
        ),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:history", args=[article.pk]),
        reverse("wagtailsnippets_news_author:list"),
        reverse("wagtailsnippets_news_author:add"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add"),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_editor_creates_an_article_through_the_admin(admin_client, section):
    author = AuthorFactory(name="Elin Saar", slug="elin-saar")
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    data = {
        "title": "Teachers told to report students",
        "slug": "teachers-report-students",
        "standfirst": "A regional directive names an officer in every school.",
        "dateline": "Vilnius",
        "language": "en",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-value": '{"blocks":[{"key":"a","type":"unstyled","depth":0,'
        '"text":"The directive arrived on Monday.","inlineStyleRanges":[],'
        '"entityRanges":[]}],"entityMap":{}}',
        "article_authors-TOTAL_FORMS": "1",
        "article_authors-INITIAL_FORMS": "0",
        "article_authors-MIN_NUM_FORMS": "1",
        "article_authors-MAX_NUM_FORMS": "1000",
        "article_authors-0-author": str(author.pk),
        "article_authors-0-ORDER": "1",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-name": "Vesna Daily",
        "sources-0-url": "",
        "sources-0-ORDER": "1",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "tags": "education, surveillance",
        "action-publish": "action-publish",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = ArticlePage.objects.get(slug="teachers-report-students")
    assert page.get_parent().pk == section.pk
    assert page.live
    assert page.authors == [author]
    assert [s.name for s in page.sources.all()] == ["Vesna Daily"]
    assert sorted(t.name for t in page.tags.all()) == ["education", "surveillance"]
    assert "The directive arrived on Monday." in str(page.body)


def test_an_article_needs_an_author(admin_client, section):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    response = admin_client.post(
        url,
        {
            "title": "No byline",
            "slug": "no-byline",
            "standfirst": "x",
            "language": "en",
            "body-count": "0",
            "article_authors-TOTAL_FORMS": "0",
            "article_authors-INITIAL_FORMS": "0",
            "article_authors-MIN_NUM_FORMS": "1",
            "article_authors-MAX_NUM_FORMS": "1000",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="no-byline").exists()


def test_edits_are_kept_as_revisions(section):
    page = ArticlePageFactory(parent=section, title="First headline")
    page.title = "Better headline"
    page.save_revision().publish()
    titles = [r.content["title"] for r in page.revisions.order_by("created_at")]
    assert titles == ["First headline", "Better headline"]


def article_form_data(**overrides) -> dict:
    """Return an article form as the admin posts it, with one blank author row."""
    data = {
        "title": "Teachers told to report students",
        "slug": "teachers-told-to-report-students",
        "standfirst": "",
        "language": "en",
        "body-count": "0",
        "article_authors-TOTAL_FORMS": "1",
        "article_authors-INITIAL_FORMS": "0",
        "article_authors-MIN_NUM_FORMS": "1",
        "article_authors-MAX_NUM_FORMS": "1000",
        "article_authors-0-id": "",
        "article_authors-0-author": "",
        "article_authors-0-ORDER": "1",
        "article_authors-0-DELETE": "",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    return {**data, **overrides}


def test_autosave_keeps_a_draft_while_the_author_row_is_blank(admin_client, section):
    add = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    response = admin_client.post(
        add, article_form_data(), headers={"accept": "application/json"}
    )
    assert response.status_code == 200, response.content
    saved = response.json()
    draft = ArticlePage.objects.get(pk=saved["pk"])
    assert not draft.live
    assert draft.authors == []
    # The admin now counts the blank row as saved; filling it later keeps it.
    assert saved["field_updates"]["article_authors-INITIAL_FORMS"] == "1"
    author = AuthorFactory(name="Elin Saar", slug="elin-saar")
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = admin_client.post(
        edit,
        article_form_data(
            **{
                "article_authors-INITIAL_FORMS": "1",
                "article_authors-0-author": str(author.pk),
            }
        ),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200, response.content
    draft = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert draft.authors == [author]


def test_a_publish_with_a_blank_author_row_asks_for_an_author(admin_client, section):
    add = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    for initial in ("0", "1"):
        data = article_form_data(
            standfirst="A directive.", **{"article_authors-INITIAL_FORMS": initial}
        )
        response = admin_client.post(add, {**data, "action-publish": "publish"})
        assert response.status_code == 200
        assert response.context["form"].formsets[
            "article_authors"
        ].non_form_errors() == ["Add at least 1 author."]
    assert not ArticlePage.objects.exists()


def test_the_headline_fills_the_slug_on_the_content_tab(admin_client, section):
    add = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    html = admin_client.get(add).content.decode()
    content_tab = html[html.index('id="tab-content"') : html.index('id="tab-promote"')]
    assert 'data-w-sync-target-value="#id_slug"' in content_tab
    assert 'name="slug"' in content_tab
