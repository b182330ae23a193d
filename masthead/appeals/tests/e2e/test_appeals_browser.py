"""Appeals in a real browser: what the reader's device decides and remembers.

Screenshots of these tests illustrate docs/appeals.md (`make docs-screenshots`).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from masthead.appeals.factories import appeal_build
from masthead.appeals.models import (
    DailyCount,
    Placement,
)
from masthead.appeals.tests.e2e.conftest import REMIND
from masthead.funding.models import Donation
from masthead.news.factories import ArticlePageFactory, body_blocks
from masthead.news.tests.e2e.test_accessibility import WCAG_TAGS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DAY = 86_400_000
STATE = "masthead.appeals"


def state(page) -> dict:
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{STATE}') || '{{}}')")


def set_state(page, value: dict) -> None:
    page.evaluate(f"(v) => localStorage.setItem('{STATE}', JSON.stringify(v))", value)


def beacon_about(key: str):
    def matches(response) -> bool:
        return response.url.endswith("/appeals/beacon") and (
            f'"appeal":"{key}"' in (response.request.post_data or "")
        )

    return matches


def assert_private(tab) -> None:
    assert tab.outside_requests() == []
    assert tab.errors == []
    assert tab.page.context.cookies() == []


def test_end_of_article_appeal_shows_with_the_goal_meter(tab, live_server, articles):
    page = tab.page
    page.goto(live_server.url + articles[0].url)
    appeal = page.locator('[data-appeal="favour"]')
    expect(appeal).to_be_visible()
    expect(appeal.get_by_role("heading")).to_have_text("Before you go: a small favour")
    expect(appeal.get_by_role("progressbar")).to_be_visible()
    expect(appeal).to_contain_text("We have covered 0% of this month’s $10,000.")
    expect(appeal.get_by_role("button", name=REMIND)).to_be_visible()
    # Seen means half of it on screen: the impression is counted then.
    page.wait_for_timeout(300)
    assert not DailyCount.objects.filter(appeal__key="favour").exists()
    with page.expect_response(beacon_about("favour")) as response:
        appeal.scroll_into_view_if_needed()
    assert response.value.status == 204
    assert DailyCount.objects.get(appeal__key="favour").impressions == 1
    tab.screenshot("appeal-end-of-article", of=appeal)
    assert_private(tab)


def test_remind_me_later_hides_the_appeal_for_the_snooze_period(
    tab, live_server, articles
):
    page = tab.page
    page.goto(live_server.url + articles[0].url)
    appeal = page.locator('[data-appeal="favour"]')
    with page.expect_response(beacon_about("favour")):
        appeal.get_by_role("button", name=REMIND).click()
    expect(appeal).to_be_hidden()

    page.reload()
    expect(appeal).to_be_hidden()
    page.goto(live_server.url + articles[1].url)
    expect(appeal).to_be_hidden()

    # Six days later the snooze (7 days) still holds; eight days later the
    # appeal is back. The stored time is moved back, as time would.
    stored = state(page)
    stored["snoozed"]["favour"] -= 6 * DAY
    set_state(page, stored)
    page.reload()
    expect(appeal).to_be_hidden()
    stored["snoozed"]["favour"] -= 2 * DAY
    set_state(page, stored)
    page.reload()
    expect(appeal).to_be_visible()
    assert DailyCount.objects.get(appeal__key="favour").snoozes == 1
    assert_private(tab)


def test_after_a_donation_appeals_for_non_donors_stop(tab, live_server, articles):
    page = tab.page
    page.goto(live_server.url + articles[0].url)
    page.locator('[data-appeal="favour"]').get_by_role(
        "link", name="Support us monthly"
    ).click()
    page.wait_for_url("**/support/?**")
    expect(page.get_by_label("$2", exact=True)).to_be_checked()
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_label("Card (test mode: no money moves)").check()
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url("**/support/pay/**")
    page.get_by_role("button", name="Pay", exact=True).click()
    page.wait_for_url("**/support/thanks/")
    assert state(page)["donated"] > 0

    page.goto(live_server.url + articles[1].url)
    expect(page.locator('[data-appeal="favour"]')).to_be_hidden()
    expect(page.locator('[data-appeal="banner"]')).to_be_hidden()
    # An appeal meant for everyone still shows (this is the second article).
    expect(page.locator('[data-appeal="inline"]')).to_be_visible()

    # The donation carries the appeal and variant it came from.
    donation = Donation.objects.get()
    assert (donation.appeal, donation.variant, donation.amount_minor) == (
        "favour",
        "A",
        200,
    )
    # 180 days later (the default), the device asks again.
    stored = state(page)
    stored["donated"] -= 181 * DAY
    set_state(page, stored)
    page.reload()
    expect(page.locator('[data-appeal="favour"]')).to_be_visible()
    assert_private(tab)


def test_the_banner_moves_nothing_and_is_dismissed_with_the_keyboard(
    tab, live_server, articles
):
    page = tab.page
    page.goto(live_server.url + "/")
    banner = page.locator('[data-appeal="banner"]')
    expect(banner).to_be_visible()
    assert banner.evaluate("el => getComputedStyle(el).position") == "fixed"
    tab.screenshot("appeal-banner", full_page=False)
    header = page.locator(".site-header")
    top = header.bounding_box()["y"]

    # Keyboard users meet the banner right after "Skip to content".
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(banner.get_by_role("link", name="Give monthly")).to_be_focused()
    page.keyboard.press("Tab")
    expect(banner.get_by_role("button", name="Not now")).to_be_focused()
    page.keyboard.press("Enter")
    expect(banner).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "main"
    assert header.bounding_box()["y"] == top

    # Escape inside the banner does the same.
    set_state(page, {})
    page.reload()
    expect(banner).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(banner).to_be_hidden()
    assert "banner" in state(page)["snoozed"]
    assert_private(tab)


def test_without_javascript_only_the_end_of_article_appeal_shows(
    browser, live_server, articles
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + articles[0].url)
    expect(page.locator('[data-appeal="favour"]')).to_be_visible()
    expect(page.locator('[data-appeal="favour"] .button-primary')).to_be_visible()
    # Snoozing needs the device's storage: without scripts it is not offered.
    expect(page.get_by_role("button", name=REMIND)).to_be_hidden()
    expect(page.locator('[data-appeal="banner"]')).to_be_hidden()
    expect(page.locator('[data-appeal="inline"]')).to_be_hidden()
    context.close()


def test_a_reader_keeps_their_variant(tab, live_server, section):
    article = ArticlePageFactory(parent=section, title="Variant test")
    appeal_build(
        "ab",
        variants=[
            {"headline": "Headline A", "weight": 1},
            {"headline": "Headline B", "weight": 1},
        ],
    )
    page = tab.page
    page.goto(live_server.url + article.url)
    appeal = page.locator('[data-appeal="ab"]')
    first = appeal.get_by_role("heading").filter(visible=True).inner_text()
    for _ in range(5):
        page.reload()
        assert appeal.get_by_role("heading").filter(visible=True).inner_text() == first
    other = "B" if first.endswith("A") else "A"
    stored = state(page)
    assert stored["variants"] == {"ab": first[-1]}
    stored["variants"]["ab"] = other
    set_state(page, stored)
    page.reload()
    expect(appeal.get_by_role("heading", name=f"Headline {other}")).to_be_visible()
    # The landmark is named after the headline the reader sees.
    labelled_by = appeal.get_attribute("aria-labelledby")
    assert page.locator(f"#{labelled_by}").inner_text() == f"Headline {other}"
    assert_private(tab)


def test_i_already_support_you_quiets_every_appeal_for_its_days(
    tab, live_server, articles
):
    page = tab.page
    page.goto(live_server.url + articles[1].url)
    page.goto(live_server.url + articles[2].url)  # the inline one shows from here
    for key in ("favour", "banner", "inline"):
        expect(page.locator(f'[data-appeal="{key}"]')).to_be_visible()
    end = page.locator('[data-appeal="favour"]')
    end.get_by_role("button", name="I already support you").focus()
    page.keyboard.press("Enter")
    for key in ("favour", "banner", "inline"):
        expect(page.locator(f'[data-appeal="{key}"]')).to_be_hidden()
    # Focus stays where the reader was: on what followed the appeal.
    assert page.evaluate("document.activeElement.className") == "read-more"
    page.goto(live_server.url + articles[0].url)
    expect(page.locator("[data-appeal]:visible")).to_have_count(0)
    stored = state(page)
    assert stored["supporterDays"] == 30
    stored["supporter"] -= 31 * DAY
    set_state(page, stored)
    page.reload()
    expect(end).to_be_visible()
    assert DailyCount.objects.get(appeal__key="favour").supporters == 1
    assert_private(tab)


def test_an_inline_appeal_never_pushes_text_the_reader_can_see(
    tab, live_server, section
):
    article = ArticlePageFactory(
        parent=section,
        title="Short opening",
        body=body_blocks([f"Paragraph {n}." for n in range(1, 5)]),
    )
    appeal_build("early", placement=Placement.INLINE, inline_after=1)
    page = tab.page
    page.goto(live_server.url + article.url)
    # After paragraph 1 is on the first screen: revealing it would move the
    # text being read, so it stays out on this page view.
    expect(page.locator('[data-appeal="early"]')).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 200})
    page.reload()
    expect(page.locator('[data-appeal="early"]')).to_be_visible()
    assert_private(tab)


def test_inline_appeal_waits_for_the_readers_nth_article(tab, live_server, articles):
    page = tab.page
    inline = page.locator('[data-appeal="inline"]')
    page.goto(live_server.url + articles[0].url)
    expect(inline).to_be_hidden()
    page.goto(live_server.url + articles[1].url)
    expect(inline).to_be_visible()
    assert state(page)["articles"] == 2
    inline.evaluate("el => el.scrollIntoView({block: 'center'})")
    tab.screenshot("appeal-inline", full_page=False)
    assert_private(tab)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_appeals_have_no_wcag_violations(tab, live_server, articles, scheme):
    page = tab.page
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + articles[0].url)
    page.goto(live_server.url + articles[1].url)
    for key in ("favour", "banner", "inline"):
        expect(page.locator(f'[data-appeal="{key}"]')).to_be_visible()
    results = Axe().run(page, options={"runOnly": WCAG_TAGS})
    assert results.violations_count == 0, results.generate_report()
