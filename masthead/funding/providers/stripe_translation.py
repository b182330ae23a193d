"""Stripe's webhook events, read into Masthead's own events.

Payloads are plain JSON shaped like the current API (2026): an invoice's
subscription is under ``parent.subscription_details``, its payment intent
under ``payments``. Nothing outside this module and ``stripe.py`` sees
Stripe's shapes.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import stripe

from masthead.funding.models import RecurringDonation
from masthead.funding.money import Money
from masthead.funding.providers.base import (
    DisputeChanged,
    PaymentFailed,
    PaymentSucceeded,
    ProviderError,
    RawEvent,
    Refunded,
    SubscriptionChanged,
)

STATUSES = {
    "active": "active",
    "trialing": "active",
    "past_due": "past_due",
    "unpaid": "past_due",
    "canceled": "canceled",
    "incomplete_expired": "canceled",
}


def stripe_time(timestamp: int | None) -> datetime:
    return datetime.fromtimestamp(timestamp or 0, tz=UTC)


def object_id(value) -> str:
    """Return the id of an expandable field, expanded or not."""
    if isinstance(value, dict):
        return value.get("id", "")
    return value or ""


@dataclass(frozen=True)
class Price:
    """A subscription's amount per period and its period: every ``count``
    ``interval`` ("day", "week", "month", "year")."""

    amount: Money | None = None
    interval: str = ""
    count: int = 1


def subscription_price(subscription: dict) -> Price:
    """The price a subscription renews at (its first item's)."""
    items = (subscription.get("items") or {}).get("data") or []
    if not items:
        return Price()
    price = items[0].get("price") or items[0].get("plan") or {}
    unit = price.get("unit_amount", price.get("amount"))
    amount = None
    if unit is not None:
        amount = Money(unit * items[0].get("quantity", 1), price["currency"].upper())
    recurring = price.get("recurring") or price
    count = recurring.get("interval_count") or 1
    return Price(amount, recurring.get("interval") or "", int(count))


class StripeEvents:
    """Translation of Stripe's events, for ``StripeProvider`` (its ``client()``)."""

    def translate(self, event: RawEvent):
        obj = event.payload.get("data", {}).get("object", {})
        handler = HANDLERS.get(event.type)
        return handler(self, obj, event.payload) if handler else []

    def _checkout_session_completed(self, session: dict, event: dict):
        if session.get("mode") == "subscription":
            # The first invoice.paid records the payment itself.
            metadata = session.get("metadata") or {}
            subscription_id = object_id(session.get("subscription"))
            # Our Checkout's session is the price; a Payment Link's total may
            # hold a discount or a fee of its first invoice only: the
            # subscription says what renews.
            paid = Money(session["amount_total"], session["currency"].upper())
            price = Price(paid, metadata.get("interval", ""))
            if not price.interval:
                fetched = self._subscription_price(subscription_id)
                price = Price(fetched.amount or paid, fetched.interval, fetched.count)
            return [
                SubscriptionChanged(
                    subscription_id=subscription_id,
                    status="active",
                    occurred_at=stripe_time(event.get("created")),
                    amount=price.amount,
                    interval=price.interval,
                    interval_count=price.count,
                    first_payment=paid if paid != price.amount else None,
                    customer_id=object_id(session.get("customer")),
                    email=(session.get("customer_details") or {}).get("email", ""),
                    intent_id=session.get("client_reference_id") or "",
                )
            ]
        if session.get("payment_status") != "paid":
            return []  # a delayed method (bank debit): wait for async_payment_*
        return [self._session_payment(session, event)]

    def _checkout_session_async_payment_succeeded(self, session: dict, event: dict):
        if session.get("mode") == "subscription":
            return []
        return [self._session_payment(session, event)]

    def _checkout_session_async_payment_failed(self, session: dict, event: dict):
        return [
            PaymentFailed(
                occurred_at=stripe_time(event.get("created")),
                intent_id=session.get("client_reference_id") or "",
            )
        ]

    def _session_payment(self, session: dict, event: dict) -> PaymentSucceeded:
        return PaymentSucceeded(
            payment_id=object_id(session.get("payment_intent")) or session["id"],
            amount=Money(session["amount_total"], session["currency"].upper()),
            occurred_at=stripe_time(event.get("created")),
            intent_id=session.get("client_reference_id") or "",
            email=(session.get("customer_details") or {}).get("email", ""),
            name=(session.get("customer_details") or {}).get("name") or "",
            customer_id=object_id(session.get("customer")),
        )

    def _invoice_paid(self, invoice: dict, event: dict):
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        subscription_id = object_id(details.get("subscription"))
        payments = (invoice.get("payments") or {}).get("data")
        if payments is None:
            # Invoice payments are not in the event unless expanded: fetch them.
            try:
                fetched = self.client().v1.invoices.retrieve(
                    invoice["id"], {"expand": ["payments"]}
                )
            except stripe.StripeError as error:
                raise ProviderError(
                    f"Stripe could not fetch the invoice: {error}"
                ) from error
            payments = (
                fetched.to_dict(for_json=True).get("payments", {}).get("data", [])
            )
        payment_intent = ""
        for payment in payments or []:
            payment_intent = object_id(
                (payment.get("payment") or {}).get("payment_intent")
            )
            if payment_intent:
                break
        metadata = details.get("metadata") or {}
        price = Price(interval=metadata.get("interval", ""))
        if subscription_id and not price.interval and not self._known(subscription_id):
            # Only a donation not recorded yet needs its period (a renewal
            # of a known one must not wait on Stripe's API).
            price = self._subscription_price(subscription_id)
        return [
            PaymentSucceeded(
                payment_id=payment_intent or invoice["id"],
                amount=Money(invoice["amount_paid"], invoice["currency"].upper()),
                occurred_at=stripe_time(
                    (invoice.get("status_transitions") or {}).get("paid_at")
                    or event.get("created")
                ),
                intent_id=metadata.get("intent_id", ""),
                email=invoice.get("customer_email") or "",
                name=invoice.get("customer_name") or "",
                customer_id=object_id(invoice.get("customer")),
                subscription_id=subscription_id,
                interval=price.interval,
                interval_count=price.count,
            )
        ]

    def _known(self, subscription_id: str) -> bool:
        return RecurringDonation.objects.filter(
            provider=self.name, provider_subscription_id=subscription_id
        ).exists()

    def _subscription_price(self, subscription_id: str) -> Price:
        """The price of a subscription our Checkout did not start.

        A Payment Link's (or one made in Stripe's dashboard) carries no
        metadata of ours, so its period is read from Stripe: an annual
        donation counted as monthly would show twelve times its share.
        """
        try:
            fetched = self.client().v1.subscriptions.retrieve(subscription_id)
        except stripe.StripeError as error:
            raise ProviderError(
                f"Stripe could not fetch the subscription: {error}"
            ) from error
        return subscription_price(fetched.to_dict(for_json=True))

    def _invoice_payment_failed(self, invoice: dict, event: dict):
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        return [
            PaymentFailed(
                occurred_at=stripe_time(event.get("created")),
                subscription_id=object_id(details.get("subscription")),
            )
        ]

    def _subscription(self, subscription: dict, event: dict):
        status = STATUSES.get(subscription.get("status", ""))
        if status is None:
            return []  # incomplete: nothing has been paid yet
        price = subscription_price(subscription)
        metadata = subscription.get("metadata") or {}
        return [
            SubscriptionChanged(
                subscription_id=subscription["id"],
                status=status,
                occurred_at=stripe_time(event.get("created")),
                amount=price.amount,
                interval=price.interval,
                interval_count=price.count,
                customer_id=object_id(subscription.get("customer")),
                intent_id=metadata.get("intent_id", ""),
                started_at=stripe_time(subscription["start_date"])
                if subscription.get("start_date")
                else None,
            )
        ]

    def _charge_refunded(self, charge: dict, event: dict):
        refunds = (charge.get("refunds") or {}).get("data")
        if refunds is None:
            # Charges no longer carry their refunds in events: list them.
            try:
                listed = self.client().v1.refunds.list(
                    {"charge": charge["id"], "limit": 100}
                )
                refunds = [r.to_dict(for_json=True) for r in listed.auto_paging_iter()]
            except stripe.StripeError as error:
                raise ProviderError(
                    f"Stripe could not list refunds: {error}"
                ) from error
        payment_id = object_id(charge.get("payment_intent")) or charge["id"]
        return [
            Refunded(
                payment_id=payment_id,
                refund_id=refund["id"],
                amount=Money(refund["amount"], refund["currency"].upper()),
                occurred_at=stripe_time(refund.get("created")),
            )
            for refund in refunds or []
            if refund.get("status") in (None, "succeeded", "pending")
        ]

    def _charge_dispute_created(self, dispute: dict, event: dict):
        return [self._dispute(dispute, event, closed=False)]

    def _charge_dispute_closed(self, dispute: dict, event: dict):
        return [self._dispute(dispute, event, closed=True)]

    def _dispute(self, dispute: dict, event: dict, *, closed: bool) -> DisputeChanged:
        return DisputeChanged(
            payment_id=object_id(dispute.get("payment_intent"))
            or object_id(dispute.get("charge")),
            dispute_id=dispute["id"],
            amount=Money(dispute["amount"], dispute["currency"].upper()),
            occurred_at=stripe_time(dispute.get("created") or event.get("created")),
            closed=closed,
            won=dispute.get("status") == "won",
            closed_at=stripe_time(event.get("created")) if closed else None,
        )

    # Recurring donations ------------------------------------------------


# Every Stripe event type Masthead handles: the webhook endpoint subscribes
# to exactly these (README, "Connecting Stripe"); any other is stored and
# ignored.
HANDLERS = {
    "checkout.session.completed": StripeEvents._checkout_session_completed,
    "checkout.session.async_payment_succeeded": (
        StripeEvents._checkout_session_async_payment_succeeded
    ),
    "checkout.session.async_payment_failed": (
        StripeEvents._checkout_session_async_payment_failed
    ),
    "invoice.paid": StripeEvents._invoice_paid,
    "invoice.payment_failed": StripeEvents._invoice_payment_failed,
    "customer.subscription.created": StripeEvents._subscription,
    "customer.subscription.updated": StripeEvents._subscription,
    "customer.subscription.deleted": StripeEvents._subscription,
    "charge.refunded": StripeEvents._charge_refunded,
    "charge.dispute.created": StripeEvents._charge_dispute_created,
    "charge.dispute.closed": StripeEvents._charge_dispute_closed,
}
