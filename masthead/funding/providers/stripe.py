"""Stripe: Checkout Sessions for one-time and recurring donations, webhooks.

Amounts go as inline ``price_data``, so any amount a reader picks works.
Keys are passed per client (``StripeClient``), never set on the SDK module.
Webhook payloads are read as plain JSON; nothing outside this module sees an
SDK object.
"""

import json
from collections.abc import Iterable
from datetime import UTC, datetime

import stripe

from masthead.funding.money import Money
from masthead.funding.providers.base import (
    Checkout,
    DisputeChanged,
    PaymentFailed,
    PaymentProvider,
    PaymentSucceeded,
    ProviderError,
    RawEvent,
    Refunded,
    SubscriptionChanged,
    WebhookError,
)

SIGNATURE_TOLERANCE = 300  # seconds; Stripe's own default
CHECKOUT_ORIGIN = "https://checkout.stripe.com"
STATUSES = {
    "active": "active",
    "trialing": "active",
    "past_due": "past_due",
    "unpaid": "past_due",
    "canceled": "canceled",
    "incomplete_expired": "canceled",
}


def _when(timestamp: int | None) -> datetime:
    return datetime.fromtimestamp(timestamp or 0, tz=UTC)


def _raw(event: dict) -> RawEvent:
    return RawEvent(
        event_id=event["id"],
        type=event["type"],
        payload=event,
        created=_when(event["created"]) if event.get("created") else None,
    )


def _id(value) -> str:
    """Return the id of an expandable field, expanded or not."""
    if isinstance(value, dict):
        return value.get("id", "")
    return value or ""


class StripeProvider(PaymentProvider):
    label = "Card, wallet or bank debit (Stripe)"
    lists_events = True

    def __init__(
        self,
        *,
        name: str,
        secret_key: str = "",
        webhook_secret: str = "",
        api_base: str = "",
        max_network_retries: int = 2,
        product_name: str = "Donation",
        checkout_origin: str = CHECKOUT_ORIGIN,
        **options,
    ):
        super().__init__(name=name, **options)
        self.secret_key = secret_key
        self.webhook_secret = webhook_secret
        self.api_base = api_base
        self.max_network_retries = max_network_retries
        self.product_name = product_name
        self.checkout_origin = checkout_origin or CHECKOUT_ORIGIN

    def redirect_origins(self) -> tuple[str, ...]:
        return (self.checkout_origin,)

    def client(self) -> stripe.StripeClient:
        if not self.secret_key:
            raise ProviderError("STRIPE_SECRET_KEY is not set")
        base = {"api": self.api_base} if self.api_base else None
        return stripe.StripeClient(
            self.secret_key,
            base_addresses=base,
            max_network_retries=self.max_network_retries,
        )

    # Checkout -----------------------------------------------------------

    def checkout_params(self, intent, *, success_url: str, cancel_url: str) -> dict:
        recurring = intent.frequency != "one_time"
        metadata = {"intent_id": str(intent.public_id), "interval": intent.frequency}
        price_data = {
            "currency": intent.currency.lower(),
            "unit_amount": intent.amount_minor,
            "product_data": {"name": self.product_name},
        }
        if recurring:
            price_data["recurring"] = {"interval": intent.frequency}
        params = {
            "mode": "subscription" if recurring else "payment",
            "line_items": [{"price_data": price_data, "quantity": 1}],
            "customer_email": intent.email,
            "client_reference_id": str(intent.public_id),
            "metadata": metadata,
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        if recurring:
            params["subscription_data"] = {"metadata": metadata}
        else:
            params["payment_intent_data"] = {"metadata": metadata}
            params["submit_type"] = "donate"
        return params

    def start_checkout(self, intent, *, success_url: str, cancel_url: str) -> Checkout:
        params = self.checkout_params(
            intent, success_url=success_url, cancel_url=cancel_url
        )
        try:
            session = self.client().v1.checkout.sessions.create(
                params,
                # The same attempt, submitted twice, gets the same session.
                {"idempotency_key": f"masthead-checkout-{intent.idempotency_key}"},
            )
        except stripe.StripeError as error:
            raise ProviderError(f"Stripe refused the checkout: {error}") from error
        return Checkout(redirect_url=session["url"], session_id=session["id"])

    # Webhooks -----------------------------------------------------------

    def verify_webhook(self, body: bytes, headers) -> RawEvent:
        header = headers.get("Stripe-Signature")
        if not header:
            raise WebhookError("missing Stripe-Signature header")
        if not self.webhook_secret:
            raise WebhookError("STRIPE_WEBHOOK_SECRET is not set")
        try:
            payload = body.decode("utf-8")
            stripe.WebhookSignature.verify_header(
                payload, header, self.webhook_secret, SIGNATURE_TOLERANCE
            )
            event = json.loads(payload)
        except (UnicodeDecodeError, ValueError) as error:
            raise WebhookError(f"unreadable body: {error}") from error
        except stripe.SignatureVerificationError as error:
            raise WebhookError(f"bad signature: {error}") from error
        if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
            raise WebhookError("not a Stripe event")
        return _raw(event)

    def list_events(self, since: datetime) -> Iterable[RawEvent]:
        """Return Stripe's events since ``since``, oldest first."""
        try:
            events = self.client().v1.events.list(
                {"created": {"gte": int(since.timestamp())}, "limit": 100}
            )
            # Decimal fields (unit_amount_decimal …) become strings, as in
            # Stripe's JSON, so that the payload can be stored as it is.
            listed = [_raw(e.to_dict(for_json=True)) for e in events.auto_paging_iter()]
        except stripe.StripeError as error:
            raise ProviderError(f"Stripe could not list events: {error}") from error
        # Stripe lists the newest first.
        return list(reversed(listed))

    def translate(self, event: RawEvent):
        obj = event.payload.get("data", {}).get("object", {})
        handler = HANDLERS.get(event.type)
        return handler(self, obj, event.payload) if handler else []

    def _checkout_session_completed(self, session: dict, event: dict):
        if session.get("mode") == "subscription":
            # The first invoice.paid records the payment itself.
            metadata = session.get("metadata") or {}
            return [
                SubscriptionChanged(
                    subscription_id=_id(session.get("subscription")),
                    status="active",
                    occurred_at=_when(event.get("created")),
                    amount=Money(session["amount_total"], session["currency"].upper()),
                    interval=metadata.get("interval", "month"),
                    customer_id=_id(session.get("customer")),
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
                occurred_at=_when(event.get("created")),
                intent_id=session.get("client_reference_id") or "",
            )
        ]

    def _session_payment(self, session: dict, event: dict) -> PaymentSucceeded:
        return PaymentSucceeded(
            payment_id=_id(session.get("payment_intent")) or session["id"],
            amount=Money(session["amount_total"], session["currency"].upper()),
            occurred_at=_when(event.get("created")),
            intent_id=session.get("client_reference_id") or "",
            email=(session.get("customer_details") or {}).get("email", ""),
            name=(session.get("customer_details") or {}).get("name") or "",
            customer_id=_id(session.get("customer")),
        )

    def _invoice_paid(self, invoice: dict, event: dict):
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        subscription_id = _id(details.get("subscription"))
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
            payment_intent = _id((payment.get("payment") or {}).get("payment_intent"))
            if payment_intent:
                break
        metadata = details.get("metadata") or {}
        return [
            PaymentSucceeded(
                payment_id=payment_intent or invoice["id"],
                amount=Money(invoice["amount_paid"], invoice["currency"].upper()),
                occurred_at=_when(
                    (invoice.get("status_transitions") or {}).get("paid_at")
                    or event.get("created")
                ),
                intent_id=metadata.get("intent_id", ""),
                email=invoice.get("customer_email") or "",
                name=invoice.get("customer_name") or "",
                customer_id=_id(invoice.get("customer")),
                subscription_id=subscription_id,
                interval=metadata.get("interval", ""),
            )
        ]

    def _invoice_payment_failed(self, invoice: dict, event: dict):
        details = (invoice.get("parent") or {}).get("subscription_details") or {}
        return [
            PaymentFailed(
                occurred_at=_when(event.get("created")),
                subscription_id=_id(details.get("subscription")),
            )
        ]

    def _subscription(self, subscription: dict, event: dict):
        status = STATUSES.get(subscription.get("status", ""))
        if status is None:
            return []  # incomplete: nothing has been paid yet
        items = (subscription.get("items") or {}).get("data") or []
        amount, interval = None, ""
        if items:
            price = items[0].get("price") or items[0].get("plan") or {}
            unit = price.get("unit_amount", price.get("amount"))
            if unit is not None:
                amount = Money(
                    unit * items[0].get("quantity", 1), price["currency"].upper()
                )
            interval = (price.get("recurring") or {}).get("interval") or price.get(
                "interval", ""
            )
        metadata = subscription.get("metadata") or {}
        return [
            SubscriptionChanged(
                subscription_id=subscription["id"],
                status=status,
                occurred_at=_when(event.get("created")),
                amount=amount,
                interval=interval,
                customer_id=_id(subscription.get("customer")),
                intent_id=metadata.get("intent_id", ""),
                started_at=_when(subscription["start_date"])
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
        payment_id = _id(charge.get("payment_intent")) or charge["id"]
        return [
            Refunded(
                payment_id=payment_id,
                refund_id=refund["id"],
                amount=Money(refund["amount"], refund["currency"].upper()),
                occurred_at=_when(refund.get("created")),
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
            payment_id=_id(dispute.get("payment_intent")) or _id(dispute.get("charge")),
            dispute_id=dispute["id"],
            amount=Money(dispute["amount"], dispute["currency"].upper()),
            occurred_at=_when(dispute.get("created") or event.get("created")),
            closed=closed,
            won=dispute.get("status") == "won",
            closed_at=_when(event.get("created")) if closed else None,
        )

    # Recurring donations ------------------------------------------------

    def cancel_recurring(self, subscription_id: str) -> None:
        try:
            self.client().v1.subscriptions.cancel(subscription_id)
        except stripe.StripeError as error:
            raise ProviderError(f"Stripe could not cancel: {error}") from error

    def change_recurring_amount(self, subscription_id: str, amount: Money) -> None:
        client = self.client()
        try:
            subscription = client.v1.subscriptions.retrieve(subscription_id).to_dict()
            item = subscription["items"]["data"][0]
            price = item.get("price") or item.get("plan") or {}
            interval = (price.get("recurring") or {}).get("interval") or price.get(
                "interval", "month"
            )
            client.v1.subscriptions.update(
                subscription_id,
                {
                    "items": [
                        {
                            "id": item["id"],
                            "price_data": {
                                "currency": amount.currency.lower(),
                                "unit_amount": amount.minor,
                                "recurring": {"interval": interval},
                                "product": _id(price.get("product")),
                            },
                        }
                    ],
                    "proration_behavior": "none",
                },
            )
        except stripe.StripeError as error:
            raise ProviderError(
                f"Stripe could not change the amount: {error}"
            ) from error


# Every Stripe event type Masthead handles: the webhook endpoint subscribes
# to exactly these (README, "Connecting Stripe"); any other is stored and
# ignored.
HANDLERS = {
    "checkout.session.completed": StripeProvider._checkout_session_completed,
    "checkout.session.async_payment_succeeded": (
        StripeProvider._checkout_session_async_payment_succeeded
    ),
    "checkout.session.async_payment_failed": (
        StripeProvider._checkout_session_async_payment_failed
    ),
    "invoice.paid": StripeProvider._invoice_paid,
    "invoice.payment_failed": StripeProvider._invoice_payment_failed,
    "customer.subscription.created": StripeProvider._subscription,
    "customer.subscription.updated": StripeProvider._subscription,
    "customer.subscription.deleted": StripeProvider._subscription,
    "charge.refunded": StripeProvider._charge_refunded,
    "charge.dispute.created": StripeProvider._charge_dispute_created,
    "charge.dispute.closed": StripeProvider._charge_dispute_closed,
}
