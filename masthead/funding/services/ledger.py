"""The ledger: money in and out, one entry per provider object.

Entries are unique on the provider's object id, so applying an event twice
adds nothing. Refunds and disputes apply to a counted payment only.
"""

from django.db import transaction
from django.utils import timezone

from masthead import pagecache
from masthead.funding.models import Donation, LedgerEntry, ProviderEvent
from masthead.funding.money import Money
from masthead.funding.providers.base import DisputeChanged, Refunded


class EventNotReady(Exception):
    """The event refers to something not recorded yet; process it again later."""


class EventRejected(Exception):
    """The event can never be applied (it would corrupt the ledger)."""


class PaymentHeld(Exception):
    """The event follows a payment held for review: it is applied with it."""

    def __init__(self, payment_id: str):
        super().__init__(f"waits for the review of payment {payment_id}")
        self.payment_id = payment_id


def funding_changed() -> None:
    """Money or funding settings changed: renew the goal meter and the pages."""
    pagecache.changed("funding")


def donation_count(donation: Donation) -> list[int]:
    """Count a held donation; return the events that waited for it, now due."""
    donation.status = Donation.Status.SUCCEEDED
    donation.held_for_amount = False
    donation.save(update_fields=["status", "held_for_amount"])
    ledger_add(
        donation,
        LedgerEntry.Kind.PAYMENT,
        donation.provider_payment_id,
        donation.money,
        donation.received_at,
    )
    waiting = list(
        ProviderEvent.objects.filter(
            provider=donation.provider,
            waits_for_payment=donation.provider_payment_id,
            processed_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    # Due now: the worker's next round applies them, if nothing sooner does.
    ProviderEvent.objects.filter(pk__in=waiting).update(
        waits_for_payment="", next_attempt_at=timezone.now()
    )
    transaction.on_commit(funding_changed)
    return waiting


def ledger_add(
    donation: Donation, kind: LedgerEntry.Kind, object_id: str, amount: Money, when
) -> None:
    sign = LedgerEntry.Kind(kind).sign
    LedgerEntry.objects.get_or_create(
        provider=donation.provider,
        kind=kind,
        provider_object_id=object_id,
        defaults={
            "donation": donation,
            "amount_minor": sign * amount.minor,
            "currency": amount.currency,
            "occurred_at": when,
        },
    )


def counted_donation(provider: str, payment_id: str, what: str) -> Donation:
    donation = (
        Donation.objects.select_for_update()
        .filter(provider=provider, provider_payment_id=payment_id)
        .first()
    )
    if donation is None:
        raise EventNotReady(f"{what} of a payment not recorded yet")
    if donation.status == Donation.Status.REVIEW:
        raise PaymentHeld(payment_id)
    return donation


def refunded_apply(provider: str, event: Refunded) -> None:
    donation = counted_donation(provider, event.payment_id, "refund")
    if LedgerEntry.objects.filter(
        provider=provider,
        kind=LedgerEntry.Kind.REFUND,
        provider_object_id=event.refund_id,
    ).exists():
        return
    if event.amount.currency != donation.currency:
        raise EventRejected("refund in another currency than the payment")
    refunded = -sum(
        donation.ledger.filter(kind=LedgerEntry.Kind.REFUND).values_list(
            "amount_minor", flat=True
        )
    )
    if refunded + event.amount.minor > donation.amount_minor:
        raise EventRejected(
            f"refund of {event.amount} exceeds what is left of {donation.money}"
        )
    ledger_add(
        donation,
        LedgerEntry.Kind.REFUND,
        event.refund_id,
        event.amount,
        event.occurred_at,
    )


def dispute_changed_apply(provider: str, event: DisputeChanged) -> None:
    donation = counted_donation(provider, event.payment_id, "dispute")
    # Taken back when the dispute opened, whichever of its events comes first.
    ledger_add(
        donation,
        LedgerEntry.Kind.DISPUTE,
        event.dispute_id,
        event.amount,
        event.occurred_at,
    )
    if event.closed and event.won:
        ledger_add(
            donation,
            LedgerEntry.Kind.DISPUTE_WON,
            event.dispute_id,
            event.amount,
            event.closed_at or event.occurred_at,
        )
