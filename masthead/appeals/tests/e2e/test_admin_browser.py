"""The fundraising team edits appeals and reads their results, in a real browser.

Screenshots of these tests illustrate docs/appeals.md (`make docs-screenshots`).
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from masthead.appeals import demo as appeals_demo
from masthead.appeals.factories import appeal_donation
from masthead.appeals.models import (
    Appeal,
    DailyCount,
)
from masthead.appeals.services import appeal_variant_add
from masthead.funding import demo as funding_demo
from masthead.testing import browser_sign_in, confirmed_totp_device

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_team_edits_appeals_and_reads_results(tab, live_server, articles):
    editor = get_user_model().objects.create_superuser(
        "editor", "e@example.org", "pw-editor"
    )
    device = confirmed_totp_device(editor)
    today = timezone.localdate()
    favour = Appeal.objects.get(key="favour")
    appeal_variant_add(
        appeal=favour,
        headline="This story reached you because readers paid for it",
        button_label="Give once",
        frequency="one_time",
        amount=10,
        sort_order=1,
    )
    for back, (a, b) in enumerate([(900, 880), (1100, 1050), (1000, 1020)]):
        day = today - timedelta(days=back)
        DailyCount.objects.create(
            appeal=favour, variant="A", day=day, impressions=a, clicks=a // 40
        )
        DailyCount.objects.create(
            appeal=favour, variant="B", day=day, impressions=b, clicks=b // 70
        )
    for number in range(60):
        appeal_donation(
            "favour",
            "AB"[number % 3 == 0],
            number=number,
            when=timezone.now() - timedelta(days=number % 3),
        )
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 1000})
    browser_sign_in(page, live_server.url, "editor", "pw-editor", device)

    page.goto(live_server.url + f"/admin/snippets/appeals/appeal/edit/{favour.pk}/")
    expect(page.locator("#id_name")).to_have_value("Favour")
    tab.screenshot("appeal-admin-edit", full_page=False)

    # The live preview shows every variant as readers see it.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_text("Variant B · weight 1")).to_be_visible(timeout=15000)
    expect(
        preview.get_by_role("heading", name="Before you go: a small favour")
    ).to_be_visible()
    tab.screenshot("appeal-admin-preview", full_page=False)

    page.goto(live_server.url + f"/admin/appeals/{favour.pk}/results/")
    chart = page.get_by_role("img", name="Donations per impression, by variant")
    expect(chart).to_be_visible()
    expect(page.locator(".appeal-leader")).to_contain_text("A leads B")
    expect(page.locator("table").first).to_contain_text("3,000")
    tab.screenshot("appeal-admin-results", full_page=False)
    assert tab.outside_requests() == []


def test_the_results_table_fits_the_admin_at_1280_px(tab, live_server, home):
    appeals_demo.build()
    funding_demo.build()
    end = Appeal.objects.get(key="end-of-article")
    appeal_variant_add(appeal=end, headline="A third try, added today", sort_order=2)
    editor = get_user_model().objects.create_superuser(
        "editor", "e@example.org", "pw-editor"
    )
    device = confirmed_totp_device(editor)
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_sign_in(page, live_server.url, "editor", "pw-editor", device)
    page.goto(live_server.url + f"/admin/appeals/{end.pk}/results/")
    table = page.locator("table.appeal-variants")
    expect(table).to_contain_text("No data yet")
    fits = table.evaluate(
        """table => ({
            scroll: table.parentElement.scrollWidth,
            width: table.parentElement.clientWidth,
            right: table.querySelector("thead th:last-child")
                .getBoundingClientRect().right,
            viewport: document.documentElement.clientWidth,
        })"""
    )
    assert fits["scroll"] <= fits["width"], fits
    assert fits["right"] <= fits["viewport"], fits
    tab.screenshot("appeal-admin-results-table", of=table)
