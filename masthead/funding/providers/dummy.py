"""A stand-in provider for the demo and for tests: no keys, no network.

Its local checkout page completes or fails a payment by emitting raw events
through the same pipeline as a real provider's webhooks.
"""

from datetime import datetime

from django.urls import reverse

from masthead.funding import factories
from masthead.funding.money import Money
from masthead.funding.providers.base import (
    Checkout,
    PaymentFailed,
    PaymentProvider,
    PaymentSucceeded,
    RawEvent,
    Refunded,
    SubscriptionChanged,
)


class DummyProvider(PaymentProvider):
    label = "Card (test mode: no money moves)"

    def start_checkout(self, intent, *, success_url: str, cancel_url: str) -> Checkout:
        return Checkout(
            redirect_url=reverse("funding:dummy_checkout", args=[intent.public_id]),
            session_id=f"dummy_cs_{intent.public_id.hex}",
        )

    def payment_events(self, intent, *, succeed: bool) -> list[RawEvent]:
        """Return the events a real provider would send for this checkout."""
        if not succeed:
            return [factories.dummy_payment_failed(intent=intent)]
        customer_id = f"dummy_cus_{intent.email}"
        if intent.frequency == "one_time":
            return [factories.dummy_payment(intent=intent, customer_id=customer_id)]
        subscription_id = f"dummy_sub_{intent.public_id.hex}"
        return [
            factories.dummy_subscription(
                subscription_id=subscription_id,
                amount=intent.money,
                interval=intent.frequency,
                intent=intent,
                customer_id=customer_id,
            ),
            factories.dummy_payment(
                intent=intent,
                customer_id=customer_id,
                subscription_id=subscription_id,
                interval=intent.frequency,
            ),
        ]

    def refund_event(self, payment_id: str, amount: Money) -> RawEvent:
        return factories.dummy_refund(payment_id=payment_id, amount=amount)

    KNOWN_TYPES = frozenset(
        {
            "payment.succeeded",
            "payment.failed",
            "subscription.changed",
            "refund.created",
        }
    )

    def translate(self, event: RawEvent):
        if event.type not in self.KNOWN_TYPES:
            return []
        data = event.payload
        when = datetime.fromisoformat(data["occurred_at"])
        if event.type == "payment.succeeded":
            return [
                PaymentSucceeded(
                    payment_id=data["payment_id"],
                    amount=Money(data["amount_minor"], data["currency"]),
                    occurred_at=when,
                    intent_id=data.get("intent_id", ""),
                    email=data.get("email", ""),
                    name=data.get("name", ""),
                    customer_id=data.get("customer_id", ""),
                    subscription_id=data.get("subscription_id", ""),
                    interval=data.get("interval", ""),
                )
            ]
        if event.type == "payment.failed":
            return [
                PaymentFailed(occurred_at=when, intent_id=data.get("intent_id", ""))
            ]
        if event.type == "subscription.changed":
            return [
                SubscriptionChanged(
                    subscription_id=data["subscription_id"],
                    status=data["status"],
                    occurred_at=when,
                    amount=Money(data["amount_minor"], data["currency"]),
                    interval=data.get("interval", ""),
                    customer_id=data.get("customer_id", ""),
                    email=data.get("email", ""),
                    intent_id=data.get("intent_id", ""),
                )
            ]
        if event.type == "refund.created":
            return [
                Refunded(
                    payment_id=data["payment_id"],
                    refund_id=data["refund_id"],
                    amount=Money(data["amount_minor"], data["currency"]),
                    occurred_at=when,
                )
            ]
        return []

    def cancel_recurring(self, subscription_id: str) -> None:
        """Nothing to call: the caller records the cancellation."""

    def change_recurring_amount(self, subscription_id: str, amount: Money) -> None:
        """Nothing to call: the caller records the change."""
