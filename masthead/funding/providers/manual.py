"""Bank transfers and crypto: for readers whom card networks do not reach.

The reader gets a reference code to put on the transfer; the team records
what arrives (in the admin or from a bank-statement CSV), and each record
goes through the same event pipeline as a card payment.
"""

import secrets
from datetime import datetime

from django.urls import reverse

from masthead.funding.models import ManualRail
from masthead.funding.money import Money
from masthead.funding.providers.base import (
    Checkout,
    PaymentProvider,
    PaymentSucceeded,
    RawEvent,
)

# No 0/O, 1/I/L: codes are read aloud and typed into banking apps.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference(prefix: str = "MH") -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


class ManualProvider(PaymentProvider):
    label = "Bank transfer or crypto"
    needs_reference = True

    def new_reference(self) -> str:
        return new_reference()

    def available(self) -> bool:
        return ManualRail.objects.filter(active=True).exists()

    def start_checkout(self, intent, *, success_url: str, cancel_url: str) -> Checkout:
        return Checkout(
            redirect_url=reverse("funding:transfer", args=[intent.public_id]),
            session_id=f"manual_{intent.reference}",
        )

    @staticmethod
    def transfer_event(
        *,
        transaction_id: str,
        reference: str,
        intent_id: str,
        amount: Money,
        received_at: datetime,
    ) -> RawEvent:
        return RawEvent(
            created=received_at,
            event_id=f"transfer:{transaction_id}",
            type="transfer.received",
            payload={
                "transaction_id": transaction_id,
                "reference": reference,
                "intent_id": intent_id,
                "amount_minor": amount.minor,
                "currency": amount.currency,
                "occurred_at": received_at.isoformat(),
            },
        )

    def translate(self, event: RawEvent):
        if event.type != "transfer.received":
            return []
        data = event.payload
        return [
            PaymentSucceeded(
                payment_id=data["transaction_id"],
                amount=Money(data["amount_minor"], data["currency"]),
                occurred_at=datetime.fromisoformat(data["occurred_at"]),
                intent_id=data["intent_id"],
            )
        ]
