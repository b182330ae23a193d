"""Stripe events shaped like the current API, signed with Stripe's algorithm."""

import hashlib
import hmac
import itertools
import json
import time

SECRET = "whsec_masthead_tests"  # STRIPE_WEBHOOK_SECRET in pyproject's test env


def sign(body: bytes, secret: str = SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


# Each event is created a minute after the one before, as a story unfolds.
_CLOCK = itertools.count(1_795_000_000, 60)


def event(event_id: str, type_: str, obj: dict, *, created: int | None = None) -> dict:
    return {
        "id": event_id,
        "object": "event",
        "api_version": "2025-10-29.clover",
        "created": next(_CLOCK) if created is None else created,
        "livemode": False,
        "pending_webhooks": 1,
        "type": type_,
        "data": {"object": obj},
    }


def checkout_session(
    intent, *, payment_status="paid", amount=None, currency=None, mode=None, **extra
) -> dict:
    recurring = intent.frequency != "one_time"
    return {
        "id": f"cs_test_{intent.public_id.hex[:12]}",
        "object": "checkout.session",
        "mode": mode or ("subscription" if recurring else "payment"),
        "status": "complete",
        "payment_status": payment_status,
        "amount_total": intent.amount_minor if amount is None else amount,
        "currency": (currency or intent.currency).lower(),
        "customer": "cus_test_1",
        "customer_details": {"email": intent.email, "name": "A Reader"},
        "client_reference_id": str(intent.public_id),
        "metadata": {"intent_id": str(intent.public_id), "interval": intent.frequency},
        "payment_intent": None if recurring else "pi_test_1",
        "subscription": "sub_test_1" if recurring else None,
        **extra,
    }


def invoice(
    *,
    amount=1000,
    subscription="sub_test_1",
    payment_intent="pi_inv_1",
    intent=None,
    invoice_id="in_test_1",
    paid_at=None,
    customer="cus_test_1",
) -> dict:
    metadata = (
        {"intent_id": str(intent.public_id), "interval": "month"} if intent else {}
    )
    return {
        "id": invoice_id,
        "object": "invoice",
        "amount_paid": amount,
        "currency": "usd",
        "customer": customer,
        "customer_email": intent.email if intent else "late@example.org",
        "status": "paid",
        "status_transitions": {"paid_at": paid_at},
        "parent": {
            "type": "subscription_details",
            "subscription_details": {
                "subscription": subscription,
                "metadata": metadata,
            },
        },
        "lines": {
            "object": "list",
            "data": [
                {
                    "id": f"il_{invoice_id}",
                    "object": "line_item",
                    "amount": amount,
                    "currency": "usd",
                    "pricing": {
                        "type": "price_details",
                        "unit_amount_decimal": str(amount),
                    },
                }
            ],
        },
        "payments": {
            "object": "list",
            "data": [
                {
                    "object": "invoice_payment",
                    "status": "paid",
                    "payment": {
                        "type": "payment_intent",
                        "payment_intent": payment_intent,
                    },
                }
            ],
        },
    }


def subscription(
    *,
    status="active",
    amount=1000,
    interval="month",
    subscription_id="sub_test_1",
    intent=None,
    customer="cus_test_1",
    start_date=1_794_990_000,
    interval_count=1,
) -> dict:
    metadata = (
        {"intent_id": str(intent.public_id), "interval": interval} if intent else {}
    )
    return {
        "id": subscription_id,
        "object": "subscription",
        "status": status,
        "customer": customer,
        "start_date": start_date,
        "metadata": metadata,
        "items": {
            "object": "list",
            "data": [
                {
                    "id": f"si_{subscription_id}",
                    "object": "subscription_item",
                    "quantity": 1,
                    "current_period_end": 1_797_600_000,
                    "price": {
                        "id": "price_test_1",
                        "object": "price",
                        "currency": "usd",
                        "unit_amount": amount,
                        "unit_amount_decimal": str(amount),
                        "recurring": {
                            "interval": interval,
                            "interval_count": interval_count,
                        },
                        "product": "prod_test_1",
                    },
                    "plan": {
                        "id": "price_test_1",
                        "object": "plan",
                        "amount": amount,
                        "amount_decimal": str(amount),
                        "currency": "usd",
                        "interval": interval,
                        "interval_count": interval_count,
                    },
                }
            ],
        },
    }


def charge_refunded(
    *,
    payment_intent="pi_test_1",
    refunds=((400, "re_test_1"),),
    charge_id="ch_test_1",
    created=1_795_000_200,
):
    return {
        "id": charge_id,
        "object": "charge",
        "payment_intent": payment_intent,
        "amount_refunded": sum(amount for amount, _ in refunds),
        "refunds": {
            "object": "list",
            "data": [
                {
                    "id": refund_id,
                    "object": "refund",
                    "amount": amount,
                    "currency": "usd",
                    "status": "succeeded",
                    "created": created,
                }
                for amount, refund_id in refunds
            ],
        },
    }


def dispute(
    *,
    status="needs_response",
    amount=1000,
    payment_intent="pi_test_1",
    dispute_id="dp_test_1",
    created=None,
):
    return {
        "id": dispute_id,
        "object": "dispute",
        "created": created,
        "amount": amount,
        "currency": "usd",
        "charge": "ch_test_1",
        "payment_intent": payment_intent,
        "status": status,
    }


def body(data: dict) -> bytes:
    return json.dumps(data).encode()
