"""Payment Links whose price is not one month or one year, or whose first
invoice is not the price: what the goal meter counts, what the donor is told
and charged.

A newsroom makes its Payment Links in Stripe's dashboard, where a price may
renew every week, every day or every N of them, and a link may take a
promotion code. The ledger counts what Stripe says was paid; the meter counts
a recurring donation's share of a month; a change of amount keeps the period.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from masthead.funding.factories import stripe_events as se
from masthead.funding.models import (
    Donation,
    LedgerEntry,
    ProviderEvent,
    RecurringDonation,
)
from masthead.funding.money import Money
from masthead.funding.providers import get_provider
from masthead.funding.selectors import goal_progress
from masthead.funding.services.donors import sign_in_token_create
from masthead.funding.tests.test_payment_links import ORDERS, link_session, settle

pytestmark = pytest.mark.django_db


def story(standin, *, price, interval, count=1, first=None):
    """A Payment Link subscription: its session, its subscription, its first
    invoice (``first``, when the first period is not ``price``)."""
    first = price if first is None else first
    subscription = se.subscription(
        amount=price, interval=interval, interval_count=count,
        subscription_id="sub_period", customer="cus_period",
    )  # fmt: skip
    standin.subscriptions["sub_period"] = subscription
    session = link_session(
        id="cs_period", mode="subscription", amount_total=first,
        customer="cus_period", payment_intent=None, subscription="sub_period",
    )  # fmt: skip
    invoice = se.invoice(
        amount=first, subscription="sub_period", payment_intent="pi_period_1",
        invoice_id="in_period_1", customer="cus_period",
    )  # fmt: skip
    invoice["customer_email"] = "period.reader@example.org"
    # Stripe's order: the subscription, its first invoice, then the session.
    at = 1_795_100_000
    return [
        se.event("evt_ps", "checkout.session.completed", session, created=at + 2),
        se.event("evt_pc", "customer.subscription.created", subscription, created=at),
        se.event("evt_pi", "invoice.paid", invoice, created=at + 1),
    ]


def paid() -> int:
    return sum(LedgerEntry.objects.values_list("amount_minor", flat=True))


@pytest.mark.parametrize(
    ("price", "interval", "count", "monthly", "name"),
    [
        (500, "week", 1, 2167, "weekly"),  # 52 weeks / 12 months, rounded
        (3000, "month", 3, 1000, "quarterly"),
        (1000, "week", 2, 2167, "fortnightly"),
        (100, "day", 1, 3042, "daily"),
        (12_000, "year", 2, 500, "2-yearly"),
    ],
)
def test_the_meter_counts_a_months_share_of_any_period(
    post, stripe_standin, price, interval, count, monthly, name
):
    for event in story(stripe_standin, price=price, interval=interval, count=count):
        post(event)
    settle()

    recurring = RecurringDonation.objects.get()
    recurring.full_clean()  # the period is one the field holds
    assert (recurring.interval, recurring.interval_count) == (interval, count)
    assert recurring.period_name == name
    assert goal_progress().covered == Money(monthly, "USD")
    assert paid() == price


def test_the_donor_reads_the_period_in_the_receipt_and_on_the_manage_page(
    post, stripe_standin, client, home
):
    for event in story(stripe_standin, price=3000, interval="month", count=3):
        post(event)
    settle()

    receipt = next(m for m in mail.outbox if "$30" in m.body)
    assert "part of your quarterly support" in receipt.body
    token = sign_in_token_create(donor=RecurringDonation.objects.get().donor)
    client.post(reverse("funding:manage_sign_in", args=[token]))
    page = client.get(reverse("funding:manage_donations")).content.decode()
    assert re.search(r"<strong>\$30(\.00)?</strong> quarterly", page), page


def test_a_new_amount_keeps_the_period_stripe_bills(post, stripe_standin):
    for event in story(stripe_standin, price=3000, interval="month", count=3):
        post(event)

    get_provider("stripe").change_recurring_amount("sub_period", Money(4500, "USD"))

    price = stripe_standin.subscriptions["sub_period"]["items"]["data"][0]["price"]
    assert price["unit_amount"] == 4500
    assert price["recurring"] == {"interval": "month", "interval_count": 3}


def test_a_renewal_is_counted_while_stripe_cannot_be_asked(post, stripe_standin):
    events = story(stripe_standin, price=1000, interval="month")
    for event in events:
        post(event)
    invoice = {**events[2]["data"]["object"], "id": "in_period_2"}
    invoice["payments"] = {
        "data": [
            {"payment": {"type": "payment_intent", "payment_intent": "pi_period_2"}}
        ]
    }
    stripe_standin.subscriptions.clear()  # Stripe answers 404 from now on
    stripe_standin.requests.clear()

    post(se.event("evt_pi2", "invoice.paid", invoice, created=1_797_700_000))

    event = ProviderEvent.objects.get(event_id="evt_pi2")
    assert event.processed_at is not None, event.error
    assert Donation.objects.count() == 2 and paid() == 2000
    assert not [r for r in stripe_standin.requests if "subscriptions" in r[1]]


@pytest.mark.parametrize("order", ORDERS, ids=str)
def test_a_discounted_first_year_counts_its_payment_and_the_price_it_renews_at(
    post, stripe_standin, order
):
    # A promotion code on the link: the first year is $108, the price $120.
    events = story(stripe_standin, price=12_000, interval="year", first=10_800)
    for index in order:
        post(events[index])
    settle()

    assert paid() == 10_800  # what Stripe took, once
    assert not Donation.objects.filter(status=Donation.Status.REVIEW).exists()
    recurring = RecurringDonation.objects.get()
    if 0 in order or 1 in order:  # the session or the subscription said the price
        assert recurring.money == Money(12_000, "USD")
        assert goal_progress().covered == Money(1000, "USD")


def test_a_renewal_a_year_later_at_the_price_is_expected(post, stripe_standin):
    events = story(stripe_standin, price=12_000, interval="year", first=10_800)
    for event in events:
        post(event)
    invoice = {
        **events[2]["data"]["object"],
        "id": "in_period_2",
        "amount_paid": 12_000,
    }
    invoice["payments"] = {
        "data": [
            {"payment": {"type": "payment_intent", "payment_intent": "pi_period_2"}}
        ]
    }
    later = int((timezone.now() + timedelta(days=365)).timestamp())

    post(se.event("evt_pi2", "invoice.paid", invoice, created=later))

    assert paid() == 22_800
    assert not Donation.objects.filter(status=Donation.Status.REVIEW).exists()
