"""A reader donates through the dummy provider in a real browser, offline."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_support_pay_thanks_and_the_meter_moves(tab, live_server, home):
    page = tab.page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Support us").click()
    page.wait_for_url("**/support/")
    summary = page.locator("#goal-summary")
    assert "$0 from 0 supporters" in summary.inner_text()
    tab.screenshot("support")

    page.get_by_role("link", name="One-time").click()
    page.get_by_label("Other amount").fill("40")
    page.get_by_label("Other", exact=True).check()
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_label("Card (test mode: no money moves)").check()
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url("**/support/pay/**")
    assert "You are giving $40 (One-time)." in page.locator("main").inner_text()
    tab.screenshot("dummy-checkout")

    page.get_by_role("button", name="Pay", exact=True).click()
    page.wait_for_url("**/support/thanks/")
    tab.screenshot("thanks")
    assert page.get_by_role("heading", name="Thank you").is_visible()
    assert "$40 from 1 supporter." in page.locator("#goal-summary").inner_text()

    # A URL this browser has not cached: the server's copy was refreshed.
    page.goto(live_server.url + "/support/?frequency=month&currency=USD")
    assert "$40 from 1 supporter." in page.locator("#goal-summary").inner_text()
    assert tab.outside_requests() == []
    assert tab.errors == []
    assert page.context.cookies() == []


def test_a_bad_amount_is_explained_without_losing_the_form(tab, live_server, home):
    page = tab.page
    page.goto(live_server.url + "/support/")
    page.get_by_label("Other", exact=True).check()
    page.get_by_label("Other amount").fill("1")
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_role("button", name="Continue to payment").click()
    assert "The smallest amount we can take is $2." in page.locator("main").inner_text()
    assert page.get_by_label("Email").input_value() == "reader@example.org"
