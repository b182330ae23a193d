"""Recurring donations as the provider last said they were.

Each status and amount is taken by the provider's own clock, so an older
event that arrives later changes nothing; a renewal held because its amount
was not known yet is counted once the donation has had that amount.
"""

from datetime import datetime

from django.db import transaction

from masthead.funding.models import Donation, RecurringDonation
from masthead.funding.models.donations import PERIODS_A_MONTH
from masthead.funding.money import Money
from masthead.funding.services.ledger import donation_count, funding_changed


def recurring_locked(provider: str, subscription_id: str) -> RecurringDonation | None:
    return (
        RecurringDonation.objects.select_for_update()
        .filter(provider=provider, provider_subscription_id=subscription_id)
        .first()
    )


def recurring_create(
    provider, subscription_id, donor, amount, interval, intent, when, count=1
):
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
            "interval_count": count,
            "status": RecurringDonation.Status.ACTIVE,
            "started_at": when,
            "appeal": intent.appeal if intent else "",
            "variant": intent.variant if intent else "",
        },
    )
    return recurring_locked(provider, subscription_id)


def recurring_observe(
    recurring: RecurringDonation,
    status: str,
    when: datetime,
    *,
    amount: Money | None = None,
    interval: str = "",
    interval_count: int = 1,
    first_payment: Money | None = None,
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
        fields |= _take_amount(recurring, amount, when, interval, interval_count)
    if first_payment is not None and not recurring.has_had(first_payment):
        paid = [first_payment.minor, first_payment.currency]
        recurring.amounts = [*recurring.amounts, paid]
        fields.add("amounts")
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
        renewals_release(recurring)


def _take_amount(
    recurring: RecurringDonation, amount: Money, when, interval: str = "", count=1
) -> set[str]:
    """Take the price the provider set at ``when``: its amount and period."""
    fields = set()
    if not recurring.has_had(amount):
        recurring.amounts = [*recurring.amounts, [amount.minor, amount.currency]]
        fields.add("amounts")
    if recurring.amount_at is None or when >= recurring.amount_at:
        recurring.amount_minor, recurring.currency = amount.minor, amount.currency
        recurring.amount_at = when
        fields |= {"amount_minor", "currency", "amount_at"}
        if interval in PERIODS_A_MONTH:
            recurring.interval, recurring.interval_count = interval, max(count, 1)
            fields |= {"interval", "interval_count"}
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
            renewals_release(recurring)
        transaction.on_commit(funding_changed)


def renewals_release(recurring: RecurringDonation) -> None:
    """Count the renewals held only because their amount was not known yet."""
    for donation in Donation.objects.select_for_update().filter(
        recurring=recurring, status=Donation.Status.REVIEW, held_for_amount=True
    ):
        if recurring.has_had(donation.money):
            donation_count(donation)
