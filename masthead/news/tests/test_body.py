"""The article body and the places other apps add to it (masthead.news.body)."""

import pytest
from wagtail import hooks
from wagtail.rich_text import RichText

from masthead.news import body
from masthead.news.factories import ArticlePageFactory, NewsImageFactory
from masthead.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def _paragraphs(*texts: str) -> list:
    return [("paragraph", RichText("".join(f"<p>{t}</p>" for t in texts)))]


def _article_html(client, section, blocks) -> str:
    article = ArticlePageFactory(parent=section, title="Counted", body=blocks)
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_app_inserts_after_the_nth_paragraph_across_text_blocks(client, section):
    def insert(context, page):
        return {3: ["<aside>After three</aside>"], 99: ["<aside>Never</aside>"]}

    blocks = _paragraphs("One", "Two") + _paragraphs("Three", "Four")
    with hooks.register_temporarily(body.INSERT_AFTER_PARAGRAPHS, insert):
        html = _article_html(client, section, blocks)
    assert "<p>Three</p><aside>After three</aside><p>Four</p>" in html
    assert "Never" not in html  # past the last paragraph: dropped


def test_an_app_appends_after_the_article(client, section):
    def after(context, page):
        return f"<aside>End of {page.title}</aside>"

    with hooks.register_temporarily(body.AFTER_ARTICLE, after):
        html = _article_html(client, section, _paragraphs("Only"))
    assert html.index("<p>Only</p>") < html.index("<aside>End of Counted</aside>")
    assert html.index("<aside>End of Counted</aside>") < html.index("</article>")


def test_the_body_renders_unchanged_when_no_app_adds_anything(client, section):
    with hooks.register_temporarily(body.INSERT_AFTER_PARAGRAPHS, lambda c, p: {}):
        html = _article_html(client, section, _paragraphs("One", "Two"))
    assert "<p>One</p><p>Two</p>" in html


def test_split_after_paragraphs():
    assert body.split_after_paragraphs("<p>a</p><p>b</p>", 1) == (
        "<p>a</p>",
        "<p>b</p>",
    )
    assert body.split_after_paragraphs("<p>a</p>", 2) is None


def test_a_published_revision_shows_its_new_body_at_once(
    client, section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(
        parent=section, title="Counted", body=_paragraphs("First draft")
    )
    assert "<p>First draft</p>" in client.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.body = _paragraphs("Corrected text")
        article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "<p>Corrected text</p>" in html
    assert "First draft" not in html


def test_a_preview_shows_the_draft_not_the_cached_live_parts(client, section):
    article = ArticlePageFactory(
        parent=section, title="Live headline", body=_paragraphs("Live text")
    )
    assert "Live text" in client.get(article.url).content.decode()
    article = ArticlePage.objects.get(pk=article.pk)  # as the editor opens it
    assert article.live_revision_id is not None
    article.title = "Draft headline"
    article.body = _paragraphs("Draft text")
    html = article.make_preview_request().content.decode()
    assert "Draft headline" in html
    assert "Draft text" in html
    assert "Live text" in client.get(article.url).content.decode()


def test_an_edited_lead_image_credit_shows_on_the_article_at_once(
    client, section, django_capture_on_commit_callbacks
):
    image = NewsImageFactory(credit="Old credit")
    article = ArticlePageFactory(parent=section, title="Pictured", lead_image=image)
    assert "Old credit" in client.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        image.credit = "New credit"
        image.save()
    html = client.get(article.url).content.decode()
    assert "New credit" in html
    assert "Old credit" not in html
