"""An editor's first article in a real browser, through Wagtail's admin.

Screenshots of these tests illustrate docs/editors.md (`make docs-screenshots`).
"""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.admin.views.pages.create import CreateView

from masthead.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    InfoPageFactory,
)
from masthead.news.models import ArticlePage
from masthead.testing import browser_sign_in, confirmed_totp_device

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "editor", "e@example.org", "pw-editor"
    )


def sign_in(tab, live_server) -> None:
    """Password, then the authenticator app's code, as a superuser must."""
    user = get_user_model().objects.get(username="editor")
    browser_sign_in(
        tab.page, live_server.url, "editor", "pw-editor", confirmed_totp_device(user)
    )


def autosaves(page) -> list[int]:
    """Record the status of every background save of the editor's form."""
    statuses: list[int] = []

    def record(response) -> None:
        request = response.request
        if request.method == "POST" and "/admin/pages/" in request.url:
            if "application/json" in (response.headers.get("content-type") or ""):
                statuses.append(response.status)

    page.on("response", record)
    return statuses


def choose_author(page, name: str) -> None:
    page.get_by_role("button", name="Choose author").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=name).click()
    expect(modal).to_be_hidden()


def write_body(page, text: str) -> None:
    body_panel = page.locator("#panel-child-content-body-section")
    body_panel.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = body_panel.locator('[role="textbox"]').first
    editor.click()
    editor.press_sequentially(text)


def publish(page) -> None:
    # As an editor would, wait for a background save to finish first.
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving", timeout=10000
    )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


def new_article_form(tab, live_server, section):
    sign_in(tab, live_server)
    page = tab.page
    page.goto(live_server.url + f"/admin/pages/add/news/articlepage/{section.pk}/")
    return page


def test_a_first_publish_of_a_complete_article_makes_it_live(
    tab, live_server, section, editor
):
    AuthorFactory(name="Elin Saar", slug="elin-saar")
    page = new_article_form(tab, live_server, section)
    saves = autosaves(page)
    # Typed as an editor types, so that autosave runs while the form is young.
    page.get_by_role("textbox", name="Headline").press_sequentially(
        "Teachers told to report students", delay=40
    )
    slug = page.get_by_role("textbox", name="Slug")
    expect(slug).to_have_value("teachers-told-to-report-students")
    page.get_by_role("textbox", name="Standfirst").press_sequentially(
        "A regional directive names an officer in every school.", delay=20
    )
    # The first autosave creates the draft; the form carries on as its editor.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=10000)
    choose_author(page, "Elin Saar")
    write_body(page, "The directive arrived in every school on Monday.")
    page.wait_for_timeout(1500)  # the editor reads it over; autosave catches up
    tab.screenshot("editor-new-article", full_page=False)
    while_writing = list(saves)
    publish(page)
    # Publish leaves the editor for the section's page listing.
    page.wait_for_url(f"**/admin/pages/{section.pk}/", timeout=60000)

    expect(page.locator(".messages")).to_contain_text("published")
    assert while_writing, "autosave never ran"
    assert set(while_writing) == {200}, while_writing
    article = ArticlePage.objects.get()
    assert article.live
    assert article.slug == "teachers-told-to-report-students"
    assert [author.name for author in article.authors] == ["Elin Saar"]
    response = page.goto(
        live_server.url + "/politics/teachers-told-to-report-students/"
    )
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Teachers told to report students"
    )


def test_a_refused_publish_shows_every_error_on_the_content_tab(
    tab, live_server, section, editor
):
    AuthorFactory(name="Elin Saar", slug="elin-saar")
    ArticlePageFactory(parent=section, title="Teachers told to report students")
    page = new_article_form(tab, live_server, section)
    page.get_by_role("textbox", name="Headline").press_sequentially(
        "Teachers told to report students", delay=40
    )
    page.get_by_role("textbox", name="Standfirst").fill("A regional directive.")
    publish(page)

    content = page.get_by_role("tabpanel", name="Content")
    expect(content).to_be_visible()
    expect(content.locator("#panel-child-content-slug-section")).to_contain_text(
        "already in use"
    )
    expect(content.locator("#panel-child-content-body-section")).to_contain_text(
        "This field is required"
    )
    expect(content.get_by_role("region", name="Authors")).to_contain_text(
        "Add at least 1 author."
    )
    tab.screenshot("editor-publish-errors", full_page=False)

    assert ArticlePage.objects.count() == 1  # nothing of the new one is live


def test_an_editor_corrects_a_published_article_from_the_page_tree(
    tab, live_server, section, editor
):
    story = ArticlePageFactory(parent=section, title="Teachers told to report students")
    InfoPageFactory(parent=section.get_parent(), title="About us", slug="about")
    sign_in(tab, live_server)
    page = tab.page
    page.goto(live_server.url + f"/admin/pages/{section.get_parent().pk}/")
    expect(page.get_by_role("link", name="About us")).to_be_visible()
    tab.screenshot("editor-page-tree-front", full_page=False)
    page.goto(live_server.url + f"/admin/pages/{section.pk}/")
    expect(
        page.get_by_role("link", name="Teachers told to report students")
    ).to_be_visible()
    tab.screenshot("editor-page-tree", full_page=False)

    page.get_by_role("link", name="Teachers told to report students").first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{story.pk}/edit/"))
    page.get_by_role("button", name="Add Correction").click()
    correction = page.get_by_role("region", name="Correction 1")
    correction.get_by_role("textbox", name="Date").fill("2026-12-01 09:30")
    correction.get_by_role("textbox", name="Text").fill(
        "An earlier version gave the wrong date for the directive."
    )
    publish(page)
    expect(page.locator(".messages")).to_contain_text("published", timeout=30000)

    response = page.goto(live_server.url + story.url)
    assert response.status == 200
    corrections = page.locator(".corrections")
    expect(corrections).to_contain_text(
        "An earlier version gave the wrong date for the directive."
    )
    tab.screenshot("editor-correction", of=corrections)


@pytest.fixture
def slow_autosave(monkeypatch):
    """Make the autosave that creates the draft take a second, as on a busy server."""
    post = CreateView.post

    def slow_post(self, request, *args, **kwargs):
        if "application/json" in request.headers.get("Accept", ""):
            time.sleep(1)
        return post(self, request, *args, **kwargs)

    monkeypatch.setattr(CreateView, "post", slow_post)


def test_a_publish_retried_after_a_refusal_makes_the_article_live(
    tab, live_server, section, editor, slow_autosave
):
    AuthorFactory(name="Elin Saar", slug="elin-saar")
    page = new_article_form(tab, live_server, section)
    page.get_by_role("textbox", name="Headline").fill(
        "Teachers told to report students"
    )
    choose_author(page, "Elin Saar")
    # The admin takes what the form holds 2 s after loading as its saved state.
    page.wait_for_timeout(2500)
    # The editor clicks Publish, body still missing, while autosave is
    # creating the draft.
    with page.expect_request(
        lambda request: request.method == "POST" and "/add/" in request.url
    ):
        page.get_by_role("textbox", name="Standfirst").press_sequentially(
            "A regional directive."
        )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    body_panel = page.locator("#panel-child-content-body-section")
    expect(body_panel).to_contain_text("This field is required", timeout=30000)
    assert not ArticlePage.objects.filter(live=True).exists()

    write_body(page, "The directive arrived in every school on Monday.")
    page.wait_for_timeout(1500)  # the editor reads it over
    publish(page)
    page.wait_for_url(f"**/admin/pages/{section.pk}/", timeout=60000)

    expect(page.locator(".messages")).to_contain_text("published")
    article = ArticlePage.objects.get()
    assert article.live
    assert article.slug == "teachers-told-to-report-students"
    assert [author.name for author in article.authors] == ["Elin Saar"]
    response = page.goto(
        live_server.url + "/politics/teachers-told-to-report-students/"
    )
    assert response.status == 200
