"""Dummy-provider events and donations, shared by the tests and the demo.

The dummy provider's own checkout builds its events here too, so that the
payload a test or the demo records is the one the provider sends.
"""

import uuid
from datetime import datetime

from django.utils import timezone

from masthead.funding import services
from masthead.funding.models import Donation, DonationIntent, ProviderEvent
from masthead.funding.money import Money
from masthead.funding.providers.base import RawEvent


def _raw(type_: str, event_id: str | None, occurred_at: datetime, **payload):
    return RawEvent(
        event_id=event_id or f"dummy_evt_{uuid.uuid4().hex}",
        type=type_,
        payload={**payload, "occurred_at": occurred_at.isoformat()},
        created=occurred_at,
    )


def dummy_payment(
    *,
    intent: DonationIntent | None = None,
    amount: Money | None = None,
    payment_id: str = "",
    event_id: str | None = None,
    email: str = "",
    name: str = "",
    customer_id: str = "",
    subscription_id: str = "",
    interval: str = "",
    occurred_at: datetime | None = None,
) -> RawEvent:
    """The dummy provider's event for a payment, by default of ``intent``."""
    amount = amount or intent.money
    payload = {
        "payment_id": payment_id or f"dummy_pay_{uuid.uuid4().hex}",
        "intent_id": str(intent.public_id) if intent else "",
        "amount_minor": amount.minor,
        "currency": amount.currency,
        "email": email or (intent.email if intent else ""),
        "name": name or (intent.name if intent else ""),
        "customer_id": customer_id,
    }
    if subscription_id:
        payload.update(subscription_id=subscription_id, interval=interval or "month")
    return _raw("payment.succeeded", event_id, occurred_at or timezone.now(), **payload)


def dummy_payment_failed(
    *,
    intent: DonationIntent,
    event_id: str | None = None,
    occurred_at: datetime | None = None,
) -> RawEvent:
    return _raw(
        "payment.failed",
        event_id,
        occurred_at or timezone.now(),
        intent_id=str(intent.public_id),
    )


def dummy_subscription(
    *,
    subscription_id: str,
    amount: Money,
    status: str = "active",
    interval: str = "month",
    intent: DonationIntent | None = None,
    email: str = "",
    customer_id: str = "",
    event_id: str | None = None,
    occurred_at: datetime | None = None,
) -> RawEvent:
    return _raw(
        "subscription.changed",
        event_id,
        occurred_at or timezone.now(),
        subscription_id=subscription_id,
        status=status,
        amount_minor=amount.minor,
        currency=amount.currency,
        interval=interval,
        customer_id=customer_id,
        email=email or (intent.email if intent else ""),
        intent_id=str(intent.public_id) if intent else "",
    )


def dummy_refund(
    *,
    payment_id: str,
    amount: Money,
    refund_id: str = "",
    event_id: str | None = None,
    occurred_at: datetime | None = None,
) -> RawEvent:
    return _raw(
        "refund.created",
        event_id,
        occurred_at or timezone.now(),
        payment_id=payment_id,
        refund_id=refund_id or f"dummy_re_{uuid.uuid4().hex}",
        amount_minor=amount.minor,
        currency=amount.currency,
    )


def record(raw: RawEvent, *, provider: str = "dummy") -> ProviderEvent:
    """Store and process an event as a webhook delivery would."""
    event, _ = services.provider_event_record(provider=provider, raw=raw)
    services.provider_event_process(event_id=event.pk)
    event.refresh_from_db()
    return event


def dummy_donation(raw: RawEvent) -> Donation:
    """Record a dummy payment event; return the donation it made."""
    record(raw)
    return Donation.objects.get(
        provider="dummy", provider_payment_id=raw.payload["payment_id"]
    )
