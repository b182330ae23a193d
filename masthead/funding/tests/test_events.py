"""Provider events: stored once, applied once, whatever the delivery does."""

import pytest

from masthead.funding.models import (
    Donation,
    Donor,
    Frequency,
    LedgerEntry,
    ProviderEvent,
    RecurringDonation,
)
from masthead.funding.money import Money
from masthead.funding.services import (
    donation_review_approve,
    provider_event_process,
    provider_event_record,
)
from masthead.funding.tests.conftest import payment, raw
from masthead.testing import race

pytestmark = pytest.mark.django_db


def deliver(event) -> ProviderEvent:
    stored, _ = provider_event_record(provider="dummy", raw=event)
    provider_event_process(event_id=stored.pk)
    stored.refresh_from_db()
    return stored


def net() -> int:
    return sum(LedgerEntry.objects.values_list("amount_minor", flat=True))


def test_a_payment_is_recorded_with_the_providers_amount(start_intent):
    intent = start_intent()
    deliver(payment(intent=intent))
    donation = Donation.objects.get()
    assert donation.money == Money(1000, "USD")
    assert donation.status == Donation.Status.SUCCEEDED
    assert donation.donor == Donor.objects.get(email="r@example.org")
    assert net() == 1000
    intent.refresh_from_db()
    assert intent.status == "completed"


def test_the_same_event_delivered_twice_counts_once(start_intent):
    intent = start_intent()
    first = deliver(payment(intent=intent))
    second = deliver(payment(intent=intent))
    assert first.pk == second.pk
    assert ProviderEvent.objects.count() == 1
    assert net() == 1000


def test_two_events_for_one_payment_count_once(start_intent):
    intent = start_intent()
    deliver(payment("evt_1", "pay_1", intent=intent))
    deliver(payment("evt_2", "pay_1", intent=intent))
    assert ProviderEvent.objects.count() == 2
    assert Donation.objects.count() == 1
    assert net() == 1000


def test_an_event_stored_but_not_processed_is_processed_once_on_rerun(start_intent):
    intent = start_intent()
    stored, _ = provider_event_record(provider="dummy", raw=payment(intent=intent))
    assert net() == 0  # the crash: stored, never processed
    assert provider_event_process(event_id=stored.pk)
    assert provider_event_process(event_id=stored.pk)
    assert net() == 1000
    stored.refresh_from_db()
    assert stored.processed_at is not None
    assert stored.attempts == 1


def test_unknown_event_types_are_stored_and_ignored(db):
    stored = deliver(raw("evt_x", "customer.tax_id.created", id="txi_1"))
    assert stored.processed_at is not None
    assert net() == 0


def test_amount_differing_from_the_started_donation_is_held_for_review(start_intent):
    intent = start_intent(amount=Money(1000, "USD"))
    deliver(payment(intent=intent, amount=100000))
    donation = Donation.objects.get()
    assert donation.status == Donation.Status.REVIEW
    assert "$1,000" in donation.review_reason
    assert net() == 0
    donation_review_approve(donation=donation)
    donation_review_approve(donation=donation)
    assert net() == 100000


def test_currency_differing_from_the_started_donation_is_held(start_intent):
    intent = start_intent(amount=Money(1000, "USD"))
    deliver(payment(intent=intent, currency="EUR"))
    assert Donation.objects.get().status == Donation.Status.REVIEW
    assert net() == 0


def test_refunds_are_ledger_entries_and_count_once(start_intent):
    intent = start_intent()
    deliver(payment(intent=intent))
    refund = raw(
        "evt_r",
        "refund.created",
        payment_id="pay_1",
        refund_id="re_1",
        amount_minor=400,
        currency="USD",
    )
    deliver(refund)
    deliver(refund)
    assert net() == 600


def test_a_refund_larger_than_the_payment_is_rejected(start_intent):
    intent = start_intent()
    deliver(payment(intent=intent))
    deliver(
        raw(
            "evt_r1",
            "refund.created",
            payment_id="pay_1",
            refund_id="re_1",
            amount_minor=800,
            currency="USD",
        )
    )
    stored = deliver(
        raw(
            "evt_r2",
            "refund.created",
            payment_id="pay_1",
            refund_id="re_2",
            amount_minor=300,
            currency="USD",
        )
    )
    assert stored.processed_at is None
    assert "exceeds" in stored.error
    assert net() == 200


def test_a_refund_before_its_payment_waits_and_applies_later(start_intent):
    intent = start_intent()
    refund = deliver(
        raw(
            "evt_r",
            "refund.created",
            payment_id="pay_1",
            refund_id="re_1",
            amount_minor=1000,
            currency="USD",
        )
    )
    assert refund.processed_at is None
    deliver(payment(intent=intent))
    provider_event_process(event_id=refund.pk)
    assert net() == 0
    assert LedgerEntry.objects.count() == 2


@pytest.mark.parametrize("update_first", [True, False])
def test_subscription_events_in_either_order(start_intent, update_first):
    intent = start_intent(frequency=Frequency.MONTHLY)
    update = raw(
        "evt_s",
        "subscription.changed",
        subscription_id="sub_1",
        status="active",
        amount_minor=1000,
        currency="USD",
        interval="month",
        email=intent.email,
        intent_id=str(intent.public_id),
    )
    paid = payment(
        "evt_p", "pay_1", intent=intent, subscription_id="sub_1", interval="month"
    )
    for event in (update, paid) if update_first else (paid, update):
        deliver(event)
    recurring = RecurringDonation.objects.get()
    assert recurring.status == "active"
    assert recurring.payments.count() == 1


def test_a_recurring_payment_before_the_donor_exists_creates_both(db):
    deliver(
        payment(
            "evt_p",
            "inv_1",
            email="new@example.org",
            subscription_id="sub_9",
            interval="year",
            amount=12000,
        )
    )
    recurring = RecurringDonation.objects.get()
    assert recurring.donor.email == "new@example.org"
    assert recurring.interval == "year"
    assert net() == 12000


def test_a_late_payment_does_not_revive_a_canceled_recurring_donation(start_intent):
    intent = start_intent(frequency=Frequency.MONTHLY)
    deliver(
        payment(
            "evt_1", "pay_1", intent=intent, subscription_id="sub_1", interval="month"
        )
    )
    deliver(
        raw(
            "evt_c",
            "subscription.changed",
            subscription_id="sub_1",
            status="canceled",
            amount_minor=1000,
            currency="USD",
        )
    )
    deliver(
        raw(
            "evt_u",
            "subscription.changed",
            subscription_id="sub_1",
            status="active",
            amount_minor=1000,
            currency="USD",
        )
    )
    deliver(
        payment(
            "evt_2",
            "pay_2",
            intent=None,
            email=intent.email,
            subscription_id="sub_1",
            interval="month",
        )
    )
    recurring = RecurringDonation.objects.get()
    assert recurring.status == "canceled"
    assert recurring.payments.count() == 2
    assert net() == 2000


@pytest.mark.django_db(transaction=True)
def test_identical_deliveries_at_the_same_time_count_once(start_intent):
    intent = start_intent()
    event = payment(intent=intent)
    assert race(lambda: deliver(event)) == []
    assert ProviderEvent.objects.count() == 1
    assert Donation.objects.count() == 1
    assert net() == 1000
