"""A card donation leaves for Stripe Checkout, on another origin, in chromium."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_support_form_lands_on_the_providers_checkout_page(
    tab, live_server, home, stripe_standin
):
    page = tab.page
    page.goto(live_server.url + "/support/?frequency=one_time")
    page.get_by_label("Other", exact=True).check()
    page.get_by_label("Other amount").fill("15")
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_label("Card, wallet or bank debit (Stripe)").check()
    page.get_by_role("button", name="Continue to payment").click()

    page.wait_for_url(stripe_standin.url + "/c/pay/**")
    assert page.get_by_role("heading", name="Stand-in Checkout").is_visible()
    (session,) = stripe_standin.sessions.values()
    assert (session["amount_total"], session["currency"]) == (1500, "usd")
    # No "violates the following Content Security Policy directive" error.
    assert tab.errors == []
