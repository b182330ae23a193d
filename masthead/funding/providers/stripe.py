"""Stripe: Checkout Sessions for one-time and recurring donations, webhooks.

Amounts go as inline ``price_data``, so any amount a reader picks works.
Keys are passed per client (``StripeClient``), never set on the SDK module.
Webhook payloads are read as plain JSON; nothing outside this module sees an
SDK object.
"""

import json
from collections.abc import Iterable
from datetime import datetime

import stripe

from masthead.funding.money import Money
from masthead.funding.providers.base import (
    Checkout,
    PaymentProvider,
    ProviderError,
    RawEvent,
    WebhookError,
)
from masthead.funding.providers.stripe_translation import (
    StripeEvents,
    object_id,
    stripe_time,
    subscription_price,
)

SIGNATURE_TOLERANCE = 300  # seconds; Stripe's own default
CHECKOUT_ORIGIN = "https://checkout.stripe.com"


def _raw(event: dict) -> RawEvent:
    return RawEvent(
        event_id=event["id"],
        type=event["type"],
        payload=event,
        created=stripe_time(event["created"]) if event.get("created") else None,
    )


class StripeProvider(StripeEvents, PaymentProvider):
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
            period = subscription_price(subscription)
            # The whole period: a quarterly donation stays quarterly.
            recurring = {"interval": period.interval or "month"}
            if period.count > 1:
                recurring["interval_count"] = period.count
            client.v1.subscriptions.update(
                subscription_id,
                {
                    "items": [
                        {
                            "id": item["id"],
                            "price_data": {
                                "currency": amount.currency.lower(),
                                "unit_amount": amount.minor,
                                "recurring": recurring,
                                "product": object_id(price.get("product")),
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
