"""A reader signs up from an article's footer with JavaScript off."""

import re

import pytest
from django.core import mail

from masthead.news.factories import ArticlePageFactory
from masthead.newsletters.models import Newsletter, Subscriber

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sign_up_from_an_article_without_javascript(browser, live_server, section):
    Newsletter.objects.create(name="The Daily Lantern", slug="daily")
    article = ArticlePageFactory(parent=section, title="Harbour news")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(live_server.url + article.url)
    footer = page.locator("footer")
    footer.get_by_label("The Daily Lantern").check()
    footer.get_by_label("Your email").fill("reader@example.org")
    footer.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/newsletters/check-your-inbox/")
    assert page.get_by_role("heading", name="Check your inbox").is_visible()

    (message,) = mail.outbox
    link = re.search(r"https://news\.example(/newsletters/confirm/\S+/)", message.body)
    page.goto(live_server.url + link.group(1))
    page.get_by_role("button", name="Yes, send me the newsletter").click()
    assert page.get_by_role("heading", name="You are signed up").is_visible()
    assert Subscriber.objects.get().confirmed_at is not None

    assert context.cookies() == []
    assert [url for url in requests if "//127.0.0.1:" not in url] == []
    context.close()
