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

from masthead import pagecache
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
from masthead.funding.money import Money, MoneyError
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

logger = logging.getLogger(__name__)

# A not-ready event is tried again after 1, 2, 4 … minutes, at most hourly,
# for as long as Stripe itself keeps retrying a webhook.
RETRY_FIRST = timedelta(minutes=1)
RETRY_LONGEST = timedelta(hours=1)
RETRY_FOR = timedelta(days=3)


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
            event_id, event.provider,
        )  # fmt: skip
        return False
    try:
        raw = RawEvent(event_id=event.event_id, type=event.type,
                       payload=event.payload, created=event.created_at)  # fmt: skip
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
                update_fields=["processed_at", "attempts", "error",
                               "next_attempt_at", "waits_for_payment"]
            )  # fmt: skip
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
    donor = _donor(provider, event.email or (intent.email if intent else ""),
                   event.name, event.customer_id)  # fmt: skip
    recurring = None
    review_reason = ""
    held_for_amount = False
    if event.subscription_id:
        recurring = _recurring(provider, event.subscription_id)
        if recurring is None:
            if donor is None:
                raise EventNotReady("payment for an unknown subscription and donor")
            recurring = _recurring_create(
                provider, event.subscription_id, donor,
                intent.money if intent else event.amount,
                event.interval or Frequency.MONTHLY, intent, event.occurred_at,
            )  # fmt: skip
        _observe(recurring, RecurringDonation.Status.ACTIVE, event.occurred_at)
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
        _ledger(donation, LedgerEntry.Kind.PAYMENT, event.payment_id, event.amount,
                event.occurred_at)  # fmt: skip
    if intent is not None and intent.status != DonationIntent.Status.COMPLETED:
        intent.status = DonationIntent.Status.COMPLETED
        intent.donor = donor
        intent.save(update_fields=["status", "donor"])


def _count(donation: Donation) -> list[int]:
    """Count a held donation; return the events that waited for it, now due."""
    donation.status = Donation.Status.SUCCEEDED
    donation.held_for_amount = False
    donation.save(update_fields=["status", "held_for_amount"])
    _ledger(donation, LedgerEntry.Kind.PAYMENT, donation.provider_payment_id,
            donation.money, donation.received_at)  # fmt: skip
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


def donation_review_approve(*, donation: Donation) -> None:
    """Count a donation that was held for review, and what followed it."""
    with transaction.atomic():
        donation = Donation.objects.select_for_update().get(pk=donation.pk)
        if donation.status != Donation.Status.REVIEW:
            return
        waiting = _count(donation)
    # With no lock held: a refund may need the provider's API.
    for event_id in waiting:
        provider_event_process(event_id=event_id)


def _ledger(donation: Donation, kind: str, object_id: str, amount: Money, when) -> None:
    sign = 1 if kind in (LedgerEntry.Kind.PAYMENT, LedgerEntry.Kind.DISPUTE_WON) else -1
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


def _payment_failed(provider: str, event: PaymentFailed) -> None:
    intent = _intent(event.intent_id)
    if intent is not None and intent.status == DonationIntent.Status.STARTED:
        intent.status = DonationIntent.Status.FAILED
        intent.save(update_fields=["status"])
    if event.subscription_id:
        recurring = _recurring(provider, event.subscription_id)
        if recurring is None:
            raise EventNotReady("failed payment of a subscription not recorded yet")
        _observe(recurring, RecurringDonation.Status.PAST_DUE, event.occurred_at)


def _recurring(provider: str, subscription_id: str) -> RecurringDonation | None:
    return (
        RecurringDonation.objects.select_for_update()
        .filter(provider=provider, provider_subscription_id=subscription_id)
        .first()
    )


def _recurring_create(provider, subscription_id, donor, amount, interval, intent, when):
    recurring, _ = RecurringDonation.objects.get_or_create(
        provider=provider,
        provider_subscription_id=subscription_id,
        defaults={
            "donor": donor,
            "intent": intent,
            "amount_minor": amount.minor,
            "currency": amount.currency,
            "amounts": [[amount.minor, amount.currency]],
            "interval": interval,
            "status": RecurringDonation.Status.ACTIVE,
            "started_at": when,
            "appeal": intent.appeal if intent else "",
            "variant": intent.variant if intent else "",
        },
    )
    return _recurring(provider, subscription_id)


def _observe(
    recurring: RecurringDonation,
    status: str,
    when: datetime,
    *,
    amount: Money | None = None,
    started_at: datetime | None = None,
) -> None:
    """Take what the provider said at ``when``, unless it has said newer.

    Cancellation is final: nothing revives a canceled donation.
    """
    fields = set()
    first = min(filter(None, (recurring.started_at, started_at, when)))
    if first != recurring.started_at:
        recurring.started_at = first
        fields.add("started_at")
    if amount is not None:
        fields |= _take_amount(recurring, amount, when)
    canceled = recurring.status == RecurringDonation.Status.CANCELED
    if not canceled and (recurring.status_at is None or when >= recurring.status_at):
        if status == RecurringDonation.Status.PAST_DUE:
            if recurring.status != status or recurring.past_due_since is None:
                recurring.past_due_since = when
        else:
            recurring.past_due_since = None
        if status == RecurringDonation.Status.CANCELED:
            recurring.canceled_at = when
        recurring.status, recurring.status_at = status, when
        fields |= {"status", "status_at", "past_due_since", "canceled_at"}
    if fields:
        recurring.save(update_fields=sorted(fields))
    if "amounts" in fields:
        _release_renewals(recurring)


def _take_amount(recurring: RecurringDonation, amount: Money, when) -> set[str]:
    fields = set()
    if not recurring.has_had(amount):
        recurring.amounts = [*recurring.amounts, [amount.minor, amount.currency]]
        fields.add("amounts")
    if recurring.amount_at is None or when >= recurring.amount_at:
        recurring.amount_minor, recurring.currency = amount.minor, amount.currency
        recurring.amount_at = when
        fields |= {"amount_minor", "currency", "amount_at"}
    return fields


def recurring_amount_set(
    *, recurring: RecurringDonation, amount: Money, when: datetime
) -> None:
    """Record an amount the donation now has; count renewals that waited for it."""
    with transaction.atomic():
        recurring = RecurringDonation.objects.select_for_update().get(pk=recurring.pk)
        fields = _take_amount(recurring, amount, when)
        if fields:
            recurring.save(update_fields=sorted(fields))
        if "amounts" in fields:
            _release_renewals(recurring)
        transaction.on_commit(funding_changed)


def _release_renewals(recurring: RecurringDonation) -> None:
    """Count the renewals held only because their amount was not known yet."""
    for donation in Donation.objects.select_for_update().filter(
        recurring=recurring, status=Donation.Status.REVIEW, held_for_amount=True
    ):
        if recurring.has_had(donation.money):
            _count(donation)


def _subscription_changed(provider: str, event: SubscriptionChanged) -> None:
    recurring = _recurring(provider, event.subscription_id)
    if recurring is None:
        if event.amount is None:
            raise EventNotReady("change to a subscription not recorded yet")
        intent = _intent(event.intent_id)
        donor = _donor(provider, event.email or (intent.email if intent else ""),
                       customer_id=event.customer_id)  # fmt: skip
        if donor is None:
            raise EventNotReady("subscription of a donor not recorded yet")
        recurring = _recurring_create(
            provider, event.subscription_id, donor,
            intent.money if intent else event.amount,
            event.interval or Frequency.MONTHLY, intent, event.occurred_at,
        )  # fmt: skip
    _observe(recurring, event.status, event.occurred_at, amount=event.amount,
             started_at=event.started_at)  # fmt: skip


def _counted_donation(provider: str, payment_id: str, what: str) -> Donation:
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


def _refunded(provider: str, event: Refunded) -> None:
    donation = _counted_donation(provider, event.payment_id, "refund")
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
    _ledger(donation, LedgerEntry.Kind.REFUND, event.refund_id, event.amount,
            event.occurred_at)  # fmt: skip


def _dispute_changed(provider: str, event: DisputeChanged) -> None:
    donation = _counted_donation(provider, event.payment_id, "dispute")
    # Taken back when the dispute opened, whichever of its events comes first.
    _ledger(donation, LedgerEntry.Kind.DISPUTE, event.dispute_id, event.amount,
            event.occurred_at)  # fmt: skip
    if event.closed and event.won:
        _ledger(donation, LedgerEntry.Kind.DISPUTE_WON, event.dispute_id,
                event.amount, event.closed_at or event.occurred_at)  # fmt: skip


APPLY = {
    PaymentSucceeded: _payment_succeeded,
    PaymentFailed: _payment_failed,
    SubscriptionChanged: _subscription_changed,
    Refunded: _refunded,
    DisputeChanged: _dispute_changed,
}
