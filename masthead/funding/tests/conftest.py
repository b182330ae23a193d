from datetime import datetime

import pytest

from masthead.funding import factories
from masthead.funding.factories import stripe_events as se
from masthead.funding.models import DonationIntent, Frequency
from masthead.funding.money import Money
from masthead.funding.providers.base import RawEvent
from masthead.funding.services import donation_intent_start
from masthead.funding.tests.stripe_standin import StripeStandIn


@pytest.fixture
def stripe_standin(settings):
    """A stand-in for Stripe on another port; the Stripe provider points at it."""
    standin = StripeStandIn().start()
    settings.FUNDING_PROVIDERS = {
        **settings.FUNDING_PROVIDERS,
        "stripe": standin.provider_config(),
    }
    yield standin
    standin.stop()


@pytest.fixture
def post(client, django_capture_on_commit_callbacks, stripe_standin):
    """Deliver a signed Stripe event to the webhook, as Stripe does, and run
    what it queues."""

    def post(data: dict):
        body = se.body(data)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/funding/webhooks/stripe/", body, content_type="application/json",
                HTTP_STRIPE_SIGNATURE=se.sign(body),
            )  # fmt: skip
        assert response.status_code == 200, response.content

    return post


@pytest.fixture
def start_intent(db):
    def start(amount=None, frequency=Frequency.ONE_TIME, email="r@example.org"):
        return donation_intent_start(
            provider="dummy",
            amount=amount or Money(1000, "USD"),
            frequency=frequency,
            email=email,
            success_url="http://testserver/support/thanks/",
            cancel_url="http://testserver/support/",
        ).intent

    return start


EVENT_TIME = datetime.fromisoformat("2026-11-10T12:00:00+00:00")


def raw(event_id, type_, **payload) -> RawEvent:
    payload.setdefault("occurred_at", EVENT_TIME.isoformat())
    created = datetime.fromisoformat(payload["occurred_at"])
    return RawEvent(event_id=event_id, type=type_, payload=payload, created=created)


def payment(
    event_id="evt_1",
    payment_id="pay_1",
    amount=1000,
    currency="USD",
    intent: DonationIntent | None = None,
    **extra,
) -> RawEvent:
    """The dummy provider's payment event, as its checkout sends it."""
    extra.setdefault("email", "" if intent else "r@example.org")
    return factories.dummy_payment(
        intent=intent,
        amount=Money(amount, currency),
        payment_id=payment_id,
        event_id=event_id,
        occurred_at=extra.pop("occurred_at", EVENT_TIME),
        **extra,
    )
