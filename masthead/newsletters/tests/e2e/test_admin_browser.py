"""An editor imports readers, previews an edition, tests it and sends it.

With MASTHEAD_DOCS_SCREENSHOTS=1 (``make docs-screenshots``) the screenshots
go to docs/images/ for docs/newsletters.md.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from masthead.news.factories import ArticlePageFactory
from masthead.newsletters.models import (
    Edition,
    EditionArticle,
    Newsletter,
    Subscription,
)
from masthead.testing import browser_sign_in, confirmed_totp_device

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BROKEN = (
    "email,confirmed_at\n"
    "ada@example.org,2025-04-02\n"
    "bo at example.org,2025-04-03\n"
    "cy@example.org,last spring\n"
)
FIXED = (
    "email,confirmed_at\n"
    "ada@example.org,2025-04-02\n"
    "bo@example.org,2025-04-03\n"
    "cy@example.org,2025-05-01\n"
)


def _upload(page, text):
    page.set_input_files(
        "input[type=file]",
        files=[
            {"name": "readers.csv", "mimeType": "text/csv", "buffer": text.encode()}
        ],
    )


def test_an_editor_imports_readers_and_sends_an_edition(tab, live_server, section):
    editor = get_user_model().objects.create_superuser(
        "editor", "e@example.org", "pw-editor"
    )
    daily = Newsletter.objects.create(
        name="The Lantern Daily",
        slug="daily",
        description="Every morning: the day's stories.",
        schedule="daily",
    )
    edition = Edition.objects.create(
        newsletter=daily,
        subject="Tuesday: the harbour reopens",
        slug="tuesday",
        introduction="Good morning. Three stories from yesterday.",
    )
    for order, title in enumerate(["The harbour reopens", "Night trains are back"]):
        EditionArticle.objects.create(
            edition=edition,
            article=ArticlePageFactory(parent=section, title=title),
            sort_order=order,
        )
    page = tab.page
    browser_sign_in(
        page, live_server.url, "editor", "pw-editor", confirmed_totp_device(editor)
    )

    # Import: a broken file is refused whole, line by line.
    page.goto(live_server.url + f"/admin/newsletters/{daily.pk}/import/")
    _upload(page, BROKEN)
    page.get_by_label("These readers already agreed").check()
    page.get_by_role("button", name="Import").click()
    expect(
        page.get_by_text("Nothing was imported: 2 lines need fixing.")
    ).to_be_visible()
    tab.screenshot("newsletters-import-errors", full_page=False)
    assert not Subscription.objects.exists()
    _upload(page, FIXED)
    page.get_by_label("These readers already agreed").check()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported: 3 added to the list")).to_be_visible()
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 3
    page.goto(live_server.url + "/admin/snippets/newsletters/newsletter/")
    expect(page.get_by_role("link", name="Export")).to_be_visible()
    tab.screenshot("newsletters-admin-list", full_page=False)

    # Preview, test, send.
    page.goto(live_server.url + f"/admin/newsletters/editions/{edition.pk}/preview/")
    expect(page.get_by_text("The harbour reopens").first).to_be_visible()
    tab.screenshot("newsletters-email-preview")
    page.goto(live_server.url + f"/admin/newsletters/editions/{edition.pk}/send/")
    page.get_by_label("Send a test to").fill("desk@example.org")
    page.get_by_role("button", name="Send a test").click()
    expect(page.get_by_text("Test sent.")).to_be_visible()
    assert [m.to for m in mail.outbox] == [["desk@example.org"]]
    page.get_by_role("button", name="Send now").click()
    expect(page.get_by_text("3 of 3 sent, 0 failed.")).to_be_visible()
    tab.screenshot("newsletters-send", full_page=False)
    assert sorted(m.to[0] for m in mail.outbox[1:]) == [
        "ada@example.org",
        "bo@example.org",
        "cy@example.org",
    ]
    assert tab.outside_requests() == []


def test_the_sign_up_page(tab, live_server, home):
    Newsletter.objects.create(
        name="The Lantern Daily", slug="daily", description="Every morning at seven."
    )
    Newsletter.objects.create(
        name="Lantern Breaking", slug="breaking", description="Only the big news."
    )
    tab.page.goto(live_server.url + "/newsletters/")
    expect(tab.page.locator("main").get_by_label("Lantern Breaking")).to_be_visible()
    tab.screenshot("newsletters-signup", of=tab.page.locator("main"))
    assert tab.outside_requests() == []
