"""The support form and test checkout as a reader taps them, on a phone and wide."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_amounts_are_big_radios_and_the_help_sits_below_the_email(
    tab, live_server, home, width
):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/support/?frequency=month")
    amounts = page.get_by_role("radio", name="$10", exact=True)
    assert amounts.is_checked()  # the middle preset
    # Each amount is a target a thumb can hit (WCAG 2.5.5: 44 px).
    for label in page.locator(".amount-option").all():
        box = label.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    # Tapping the visible text selects the radio.
    page.locator(".amount-option", has_text="$25").click()
    assert page.get_by_role("radio", name="$25", exact=True).is_checked()
    # Still a radio group: the arrow keys move the choice.
    page.keyboard.press("ArrowLeft")
    assert page.get_by_role("radio", name="$10", exact=True).is_checked()
    focused = page.evaluate("document.activeElement.value")
    assert focused == "1000"
    email = page.get_by_label("Email").bounding_box()
    help_text = page.locator("#email-help").bounding_box()
    assert help_text["y"] >= email["y"] + email["height"] - 1
    assert abs(help_text["x"] - email["x"]) < 2
    assert tab.errors == []


def test_pay_and_decline_are_the_same_height(tab, live_server, home):
    page = tab.page
    page.goto(live_server.url + "/support/?frequency=one_time")
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_label("Card (test mode: no money moves)").check()
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url("**/support/pay/**")
    pay = page.get_by_role("button", name="Pay", exact=True).bounding_box()
    decline = page.get_by_role("button", name="Decline the payment").bounding_box()
    assert abs(pay["height"] - decline["height"]) < 1, (pay, decline)
    assert pay["y"] == decline["y"]
    assert "You are giving $50 (One-time)." in page.locator("main").inner_text()
