"""Stripe Payment Links: the card rail of the static copies, in the ledger.

A Payment Link's Checkout Session has no donation of ours behind it: no
client reference, no metadata. Its money must still be counted once, by
Stripe's amount, and an annual donation must count as annual on the goal
meter, whatever order its events arrive in, twice, late or not at all.
"""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.funding import services
from masthead.funding.factories import stripe_events as se
from masthead.funding.models import (
    Donation,
    LedgerEntry,
    PaymentLink,
    ProviderEvent,
    RecurringDonation,
)
from masthead.funding.money import Money
from masthead.funding.selectors import goal_progress

pytestmark = pytest.mark.django_db
YEARLY = 12_000  # $120 a year: $10 a month on the goal meter


def link_session(**extra) -> dict:
    """A Payment Link's completed Checkout Session, as Stripe sends it."""
    return {
        "id": "cs_test_link_1",
        "object": "checkout.session",
        "mode": "payment",
        "status": "complete",
        "payment_status": "paid",
        "payment_link": "plink_test_1",
        "amount_total": 2500,  # the reader chose the amount on Stripe's page
        "currency": "usd",
        "customer": None,
        "customer_details": {"email": "Card.Reader@example.org", "name": "A Reader"},
        "client_reference_id": None,
        "metadata": {},
        "payment_intent": "pi_link_1",
        "subscription": None,
        **extra,
    }


def settle() -> None:
    """Let the worker retry what was not ready, until nothing is left."""
    later = timezone.now() + timedelta(hours=2)
    for _ in range(5):
        if not services.events_retry_due(now=later):
            break


def test_a_one_time_payment_link_donation_is_counted_once(post, mailoutbox):
    event = se.event("evt_link_1", "checkout.session.completed", link_session())
    post(event)
    post(event)  # Stripe delivers again
    donation = Donation.objects.get()
    assert donation.money == Money(2500, "USD")
    assert donation.intent is None and donation.recurring is None
    assert donation.donor.email == "card.reader@example.org"
    assert sum(LedgerEntry.objects.values_list("amount_minor", flat=True)) == 2500
    assert ProviderEvent.objects.get().processed_at is not None


def link_story(amount=YEARLY, interval="year", subscription_id="sub_link_1"):
    session = link_session(
        id="cs_test_link_2",
        mode="subscription",
        amount_total=amount,
        customer="cus_link_1",
        payment_intent=None,
        subscription=subscription_id,
    )
    subscription = se.subscription(
        amount=amount, interval=interval, subscription_id=subscription_id,
        customer="cus_link_1",
    )  # fmt: skip
    invoice = se.invoice(
        amount=amount, subscription=subscription_id, payment_intent="pi_link_2",
        invoice_id="in_link_1", customer="cus_link_1",
    )  # fmt: skip
    invoice["customer_email"] = "card.reader@example.org"
    return subscription, [
        se.event("evt_s", "checkout.session.completed", session),
        se.event("evt_c", "customer.subscription.created", subscription),
        se.event("evt_i", "invoice.paid", invoice),
    ]


ORDERS = [
    *itertools.permutations(range(3)),  # every order of arrival
    (0, 2, 2, 0, 1),  # twice each, the subscription's event last
    (2, 1),  # the session's event missing
    (0, 2),  # the subscription's event missing
]


@pytest.mark.parametrize("order", ORDERS, ids=str)
def test_an_annual_payment_link_donation_counts_as_annual_in_any_order(
    post, stripe_standin, order
):
    subscription, events = link_story()
    stripe_standin.subscriptions[subscription["id"]] = subscription
    for index in order:
        post(events[index])
    settle()

    recurring = RecurringDonation.objects.get()
    assert recurring.interval == "year"
    assert recurring.money == Money(YEARLY, "USD")
    assert recurring.donor.email == "card.reader@example.org"
    assert Donation.objects.get().money == Money(YEARLY, "USD")
    assert sum(LedgerEntry.objects.values_list("amount_minor", flat=True)) == YEARLY
    # Counted at a twelfth a month, not the whole year every month.
    assert goal_progress().covered == Money(YEARLY // 12, "USD")


def test_an_unreachable_stripe_leaves_the_event_to_retry_not_guessed(
    post, stripe_standin
):
    _, events = link_story()  # Stripe does not know the subscription
    post(events[2])
    event = ProviderEvent.objects.get()
    assert event.processed_at is None and event.next_attempt_at is not None
    assert "could not fetch the subscription" in event.error
    assert not RecurringDonation.objects.exists()


def test_a_changed_plan_takes_the_interval_stripe_says_last(post, stripe_standin):
    subscription, events = link_story(amount=1000, interval="month")
    stripe_standin.subscriptions[subscription["id"]] = subscription
    for data in events:
        post(data)
    assert RecurringDonation.objects.get().interval == "month"
    annual = se.subscription(
        amount=YEARLY, interval="year", subscription_id=subscription["id"],
        customer="cus_link_1",
    )  # fmt: skip
    newer = events[1]["created"] + 86400
    post(se.event("evt_u2", "customer.subscription.updated", annual, created=newer))
    post(se.event("evt_u1", "customer.subscription.updated", subscription,
                  created=newer - 60))  # fmt: skip  # older, arriving late
    recurring = RecurringDonation.objects.get()
    assert (recurring.interval, recurring.amount_minor) == ("year", YEARLY)
    assert goal_progress().covered == Money(YEARLY // 12, "USD")


ADD_URL = reverse("wagtailsnippets_funding_paymentlink:add")


def test_editors_add_a_payment_link_and_a_plain_http_one_is_refused(admin_client):
    form = {
        "label": "Give $5 a month",
        "frequency": "month",
        "url": "http://buy.stripe.com/test_5",
        "active": "on",
        "sort_order": "0",
    }
    response = admin_client.post(ADD_URL, form)
    assert response.status_code == 200
    assert "Enter the link&#x27;s https:// address" in response.content.decode()
    assert not PaymentLink.objects.exists()

    response = admin_client.post(ADD_URL, {**form, "url": "https://buy.stripe.com/t5"})
    assert response.status_code == 302
    assert PaymentLink.objects.get().url == "https://buy.stripe.com/t5"
