"""Our Stripe calls against localstripe, a stateful stand-in for Stripe's API.

localstripe covers customers, plans, subscriptions, payment intents, refunds,
events and webhook delivery (signed, with old object shapes); it has no
Checkout Sessions, so those are tested with signed fixtures elsewhere.
"""

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
import stripe
from django.utils import timezone

from masthead.funding import providers
from masthead.funding.factories import stripe_events as se
from masthead.funding.models import LedgerEntry, ProviderEvent, RecurringDonation
from masthead.funding.money import Money
from masthead.funding.providers import get_provider
from masthead.funding.services import (
    funding_reconcile,
    recurring_donation_cancel,
)
from masthead.funding.services import provider_event_process as process

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def localstripe_url():
    server = subprocess.Popen(
        [sys.executable, "-m", "masthead.funding.tests.localstripe_server"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def stripe_api(localstripe_url, settings):
    settings.FUNDING_PROVIDERS = {
        **settings.FUNDING_PROVIDERS,
        "stripe": {**settings.FUNDING_PROVIDERS["stripe"], "API_BASE": localstripe_url},
    }
    providers.reset()
    yield stripe.StripeClient(
        "sk_test_masthead",
        base_addresses={"api": localstripe_url},
        max_network_retries=0,
    )
    providers.reset()


def subscribe(client, amount=1000):
    customer = client.v1.customers.create(
        {
            "email": "reader@example.org",
            "payment_method": "pm_card_visa",
            "invoice_settings": {"default_payment_method": "pm_card_visa"},
        }
    )
    product = client.v1.products.create({"name": "Donation"})
    plan = client.v1.plans.create(
        {
            "product": product["id"],
            "amount": amount,
            "currency": "usd",
            "interval": "month",
        }
    )
    return client.v1.subscriptions.create(
        {"customer": customer["id"], "items": [{"plan": plan["id"]}]}
    )


@pytest.mark.django_db
def test_cancel_a_subscription(stripe_api):
    subscription = subscribe(stripe_api)
    assert subscription["status"] == "active"
    get_provider("stripe").cancel_recurring(subscription["id"])
    assert (
        stripe_api.v1.subscriptions.retrieve(subscription["id"])["status"] == "canceled"
    )


@pytest.mark.django_db
def test_cancel_of_an_unknown_subscription_is_a_clear_error(stripe_api):
    with pytest.raises(providers.base.ProviderError, match="could not cancel"):
        get_provider("stripe").cancel_recurring("sub_does_not_exist")


@pytest.mark.django_db
def test_reconcile_stores_and_applies_missed_events(stripe_api):
    since = timezone.now() - timedelta(minutes=1)
    subscription = subscribe(stripe_api)
    report = funding_reconcile(since=since)
    stored = set(ProviderEvent.objects.values_list("type", flat=True))
    assert {"customer.created", "customer.subscription.created"} <= stored
    assert report.new == report.listed
    again = funding_reconcile(since=since)
    assert again.new == 0
    assert ProviderEvent.objects.filter(
        payload__data__object__id=subscription["id"]
    ).exists()


@pytest.mark.django_db(transaction=True)
def test_a_cancellation_round_trip_with_webhooks_delivered_by_localstripe(
    stripe_api, localstripe_url, live_server, client
):
    subscription = subscribe(stripe_api)
    # Our record of the subscription, as its first invoice reported it.
    paid = se.invoice(subscription=subscription["id"], amount=1000)
    body = se.body(se.event("evt_first_invoice", "invoice.paid", paid))
    client.post(
        "/funding/webhooks/stripe/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=se.sign(body),
    )
    recurring = RecurringDonation.objects.get()
    assert recurring.status == "active"

    config = urlencode(
        [
            ("url", live_server.url + "/funding/webhooks/stripe/"),
            ("secret", se.SECRET),
            ("events[]", "customer.subscription.deleted"),
        ]
    ).encode()
    urlopen(f"{localstripe_url}/_config/webhooks/masthead", data=config, timeout=5)  # noqa: S310

    recurring_donation_cancel(recurring=recurring)
    assert (
        stripe_api.v1.subscriptions.retrieve(subscription["id"])["status"] == "canceled"
    )

    deadline = time.monotonic() + 15
    while not ProviderEvent.objects.filter(
        type="customer.subscription.deleted"
    ).exists():
        assert time.monotonic() < deadline, "localstripe delivered no webhook"
        time.sleep(0.2)
    event = ProviderEvent.objects.get(type="customer.subscription.deleted")
    assert event.payload["data"]["object"]["id"] == subscription["id"]
    for _ in range(50):
        event.refresh_from_db()
        if event.processed_at is not None:
            break
        time.sleep(0.1)
    assert event.processed_at is not None, event.error
    recurring.refresh_from_db()
    assert recurring.status == "canceled"


@pytest.mark.django_db
def test_a_refund_made_at_stripe_is_fetched_and_taken_off(
    stripe_api, client, start_intent
):
    """charge.refunded events no longer carry refunds: we list them from the API."""
    customer = stripe_api.v1.customers.create({"email": "reader@example.org"})
    paid = stripe_api.v1.payment_intents.create(
        {
            "amount": 2500,
            "currency": "usd",
            "customer": customer["id"],
            "payment_method": "pm_card_visa",
            "confirm": True,
        }
    )
    charge = stripe_api.v1.charges.list({"limit": 100}).data[-1].to_dict()
    assert charge["payment_intent"] == paid["id"]
    stripe_api.v1.refunds.create({"charge": charge["id"], "amount": 1000})

    intent = start_intent(amount=Money(2500, "USD"))
    session = se.checkout_session(intent, payment_intent=paid["id"])
    refunded = {key: value for key, value in charge.items() if key != "refunds"}
    for event in (
        se.event("evt_paid", "checkout.session.completed", session),
        se.event("evt_refund", "charge.refunded", refunded),
    ):
        body = se.body(event)
        response = client.post(
            "/funding/webhooks/stripe/",
            body,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=se.sign(body),
        )
        assert response.status_code == 200
    for stored in ProviderEvent.objects.order_by("pk"):
        process(event_id=stored.pk)
    entries = sorted(LedgerEntry.objects.values_list("kind", "amount_minor"))
    assert entries == [("payment", 2500), ("refund", -1000)]
