import pytest

from masthead.funding.models import DonationIntent, Frequency
from masthead.funding.money import Money
from masthead.funding.providers.base import RawEvent
from masthead.funding.services import donation_intent_start
from masthead.funding.tests.stripe_standin import StripeStandIn


@pytest.fixture
def stripe_standin(settings):
    """A stand-in for Stripe on another port; the Stripe provider points at it."""
    standin = StripeStandIn().start()
    settings.FUNDING_PROVIDERS = {"stripe": standin.provider_config()}
    yield standin
    standin.stop()


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


def raw(event_id, type_, **payload) -> RawEvent:
    payload.setdefault("occurred_at", "2026-11-10T12:00:00+00:00")
    return RawEvent(event_id=event_id, type=type_, payload=payload)


def payment(event_id="evt_1", payment_id="pay_1", amount=1000, currency="USD",
            intent: DonationIntent | None = None, **extra) -> RawEvent:  # fmt: skip
    return raw(
        event_id,
        "payment.succeeded",
        payment_id=payment_id,
        amount_minor=amount,
        currency=currency,
        intent_id=str(intent.public_id) if intent else "",
        email=extra.pop("email", intent.email if intent else "r@example.org"),
        **extra,
    )
