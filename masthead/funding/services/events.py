"""Provider events: stored raw and once, then applied to the ledger.

Processing is idempotent and gives the same result in any order of
arrival: an event that needs another first is tried again later (with
backoff, by the worker), a subscription takes the provider's latest state
by the provider's own clock, and whatever follows a payment held for
review waits for that payment and is counted with it.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from masthead.funding.models import (
    Donation,
    DonationIntent,
    Donor,
    Frequency,
    LedgerEntry,
    ProviderCustomer,
    ProviderEvent,
    RecurringDonation,
)
from masthead.funding.money import MoneyError
from masthead.funding.providers import get_provider
from masthead.funding.providers.base import (
    DisputeChanged,
    PaymentFailed,
    PaymentSucceeded,
    ProviderError,
    RawEvent,
    Refunded,
    SubscriptionChanged,
)
from masthead.funding.services.ledger import (
    EventNotReady,
    EventRejected,
    PaymentHeld,
    dispute_changed_apply,
    donation_count,
    funding_changed,
    ledger_add,
    refunded_apply,
)
from masthead.funding.services.recurring import (
    recurring_create,
    recurring_locked,
    recurring_observe,
)

logger = logging.getLogger(__name__)

# A not-ready event is tried again after 1, 2, 4 … minutes, at most hourly,
# for as long as Stripe itself keeps retrying a webhook.
RETRY_FIRST = timedelta(minutes=1)
RETRY_LONGEST = timedelta(hours=1)
RETRY_FOR = timedelta(days=3)


def provider_event_record(
    *, provider: str, raw: RawEvent
) -> tuple[ProviderEvent, bool]:
    """Store a raw provider event once; return it and whether it was new."""
    try:
        with transaction.atomic():
            return ProviderEvent.objects.get_or_create(
                provider=provider,
                event_id=raw.event_id,
                defaults={
                    "type": raw.type,
                    "payload": raw.payload,
                    "created_at": raw.created,
                },
            )
    except IntegrityError:  # the same event delivered twice at once
        return ProviderEvent.objects.get(
            provider=provider, event_id=raw.event_id
        ), False


def _retry_at(event: ProviderEvent, now: datetime) -> datetime | None:
    if now - event.received_at > RETRY_FOR:
        return None  # left for `funding_reconcile` and the team
    backoff = RETRY_FIRST * 2 ** min(max(event.attempts - 1, 0), 10)
    return now + min(backoff, RETRY_LONGEST)


def _not_applied(event_id: int, error: Exception, *, retry: bool) -> None:
    now = timezone.now()
    event = ProviderEvent.objects.get(pk=event_id)
    event.attempts += 1
    event.error = f"{type(error).__name__}: {error}"
    event.next_attempt_at = _retry_at(event, now) if retry else None
    event.waits_for_payment = error.payment_id if isinstance(error, PaymentHeld) else ""
    event.save(
        update_fields=["attempts", "error", "next_attempt_at", "waits_for_payment"]
    )
    if isinstance(error, PaymentHeld):
        logger.info("Provider event %s %s", event_id, error)
    else:
        logger.warning("Provider event %s not applied: %s", event_id, error)


def provider_event_process(*, event_id: int) -> bool:
    """Apply a stored event once; return whether it is processed now.

    Safe to run any number of times, concurrently too: the event row is
    locked while it is applied, and an event already processed is left
    alone. What the provider's event lacks is fetched before the lock.
    """
    event = ProviderEvent.objects.filter(pk=event_id).first()
    if event is None:
        return False
    if event.processed_at is not None:
        return True
    if event.provider not in settings.FUNDING_PROVIDERS:
        logger.warning(
            "Provider event %s skipped: no provider %r is configured",
            event_id,
            event.provider,
        )
        return False
    try:
        raw = RawEvent(
            event_id=event.event_id,
            type=event.type,
            payload=event.payload,
            created=event.created_at,
        )
        domain_events = get_provider(event.provider).translate(raw)
        with transaction.atomic():
            event = ProviderEvent.objects.select_for_update().get(pk=event_id)
            if event.processed_at is not None:
                return True
            for domain_event in domain_events:
                _apply(event.provider, domain_event)
            event.processed_at = timezone.now()
            event.attempts += 1
            event.error = ""
            event.next_attempt_at = None
            event.waits_for_payment = ""
            event.save(
                update_fields=[
                    "processed_at",
                    "attempts",
                    "error",
                    "next_attempt_at",
                    "waits_for_payment",
                ]
            )
            # The goal meter and the pages that show it are now stale.
            transaction.on_commit(funding_changed)
            return True
    except (EventNotReady, ProviderError) as error:  # later, it may be ready
        _not_applied(event_id, error, retry=True)
    except DatabaseError as error:  # a concurrent event created the same row
        _not_applied(event_id, error, retry=True)
    except PaymentHeld as error:  # tried again when the payment is counted
        _not_applied(event_id, error, retry=False)
    except (EventRejected, MoneyError, KeyError, ValueError) as error:
        _not_applied(event_id, error, retry=False)
    return False


def events_due(*, now: datetime | None = None):
    """Return the stored events whose next attempt is due, in creation order."""
    return ProviderEvent.objects.filter(
        processed_at__isnull=True,
        next_attempt_at__lte=now or timezone.now(),
        provider__in=list(settings.FUNDING_PROVIDERS),
    ).order_by(F("created_at").asc(nulls_first=True), "received_at", "pk")


def events_retry_due(*, now: datetime | None = None) -> int:
    """Process the not-ready events whose next attempt is due; return how many."""
    processed = 0
    for event_id in list(events_due(now=now).values_list("pk", flat=True)[:500]):
        processed += provider_event_process(event_id=event_id)
    return processed


# Applying domain events ----------------------------------------------------


def _donor(
    provider: str, email: str, name: str = "", customer_id: str = ""
) -> Donor | None:
    donor = None
    if customer_id:
        link = ProviderCustomer.objects.select_related("donor").filter(
            provider=provider, customer_id=customer_id
        )
        donor = link.first().donor if link.exists() else None
    if donor is None and email:
        donor, _ = Donor.objects.get_or_create(
            email=email.strip().lower(), defaults={"name": name}
        )
    if donor is not None and customer_id:
        ProviderCustomer.objects.get_or_create(
            provider=provider, customer_id=customer_id, defaults={"donor": donor}
        )
    return donor


def _intent(intent_id: str) -> DonationIntent | None:
    if not intent_id:
        return None
    return DonationIntent.objects.filter(public_id=intent_id).first()


def _apply(provider: str, event) -> None:
    APPLY[type(event)](provider, event)


def _payment_succeeded(provider: str, event: PaymentSucceeded) -> None:
    intent = _intent(event.intent_id)
    donor = _donor(
        provider,
        event.email or (intent.email if intent else ""),
        event.name,
        event.customer_id,
    )
    recurring = None
    review_reason = ""
    held_for_amount = False
    if event.subscription_id:
        recurring = recurring_locked(provider, event.subscription_id)
        if recurring is None:
            if donor is None:
                raise EventNotReady("payment for an unknown subscription and donor")
            recurring = recurring_create(
                provider,
                event.subscription_id,
                donor,
                intent.money if intent else event.amount,
                event.interval or Frequency.MONTHLY,
                intent,
                event.occurred_at,
                event.interval_count,
            )
        recurring_observe(recurring, RecurringDonation.Status.ACTIVE, event.occurred_at)
        # A renewal is checked against the amounts the donation has had,
        # not against the first one.
        if not recurring.has_had(event.amount):
            held_for_amount = True
            review_reason = (
                f"Paid {event.amount}, which this recurring donation of "
                f"{recurring.money} has not been set to."
            )
    elif intent is not None and intent.money != event.amount:
        review_reason = (
            f"Paid {event.amount} but the donation was started for {intent.money}."
        )
    donation, created = Donation.objects.get_or_create(
        provider=provider,
        provider_payment_id=event.payment_id,
        defaults={
            "donor": donor,
            "intent": intent,
            "recurring": recurring,
            "amount_minor": event.amount.minor,
            "currency": event.amount.currency,
            "status": Donation.Status.REVIEW
            if review_reason
            else Donation.Status.SUCCEEDED,
            "review_reason": review_reason,
            "held_for_amount": held_for_amount,
            "received_at": event.occurred_at,
            "appeal": intent.appeal if intent else "",
            "variant": intent.variant if intent else "",
        },
    )
    if donation.status == Donation.Status.SUCCEEDED:
        ledger_add(
            donation,
            LedgerEntry.Kind.PAYMENT,
            event.payment_id,
            event.amount,
            event.occurred_at,
        )
    if intent is not None and intent.status != DonationIntent.Status.COMPLETED:
        intent.status = DonationIntent.Status.COMPLETED
        intent.donor = donor
        intent.save(update_fields=["status", "donor"])


def donation_review_approve(*, donation: Donation) -> None:
    """Count a donation that was held for review, and what followed it."""
    with transaction.atomic():
        donation = Donation.objects.select_for_update().get(pk=donation.pk)
        if donation.status != Donation.Status.REVIEW:
            return
        waiting = donation_count(donation)
    # With no lock held: a refund may need the provider's API.
    for event_id in waiting:
        provider_event_process(event_id=event_id)


def _payment_failed(provider: str, event: PaymentFailed) -> None:
    intent = _intent(event.intent_id)
    if intent is not None and intent.status == DonationIntent.Status.STARTED:
        intent.status = DonationIntent.Status.FAILED
        intent.save(update_fields=["status"])
    if event.subscription_id:
        recurring = recurring_locked(provider, event.subscription_id)
        if recurring is None:
            raise EventNotReady("failed payment of a subscription not recorded yet")
        recurring_observe(
            recurring, RecurringDonation.Status.PAST_DUE, event.occurred_at
        )


def _subscription_changed(provider: str, event: SubscriptionChanged) -> None:
    recurring = recurring_locked(provider, event.subscription_id)
    if recurring is None:
        if event.amount is None:
            raise EventNotReady("change to a subscription not recorded yet")
        intent = _intent(event.intent_id)
        donor = _donor(
            provider,
            event.email or (intent.email if intent else ""),
            customer_id=event.customer_id,
        )
        if donor is None:
            raise EventNotReady("subscription of a donor not recorded yet")
        recurring = recurring_create(
            provider,
            event.subscription_id,
            donor,
            intent.money if intent else event.amount,
            event.interval or Frequency.MONTHLY,
            intent,
            event.occurred_at,
            event.interval_count,
        )
    recurring_observe(
        recurring,
        event.status,
        event.occurred_at,
        amount=event.amount,
        interval=event.interval,
        interval_count=event.interval_count,
        first_payment=event.first_payment,
        started_at=event.started_at,
    )


APPLY = {
    PaymentSucceeded: _payment_succeeded,
    PaymentFailed: _payment_failed,
    SubscriptionChanged: _subscription_changed,
    Refunded: refunded_apply,
    DisputeChanged: dispute_changed_apply,
}
