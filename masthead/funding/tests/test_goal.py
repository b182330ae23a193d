"""The monthly goal: what readers have covered of this month's cost."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from masthead.funding.models import (
    Donation,
    Donor,
    ExchangeRate,
    FundingSettings,
    LedgerEntry,
    RecurringDonation,
)
from masthead.funding.selectors import goal_progress

pytestmark = pytest.mark.django_db

NOV = datetime(2026, 11, 15, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def goal(db):
    settings = FundingSettings.load()
    settings.goal_minor = 1_000_000
    settings.goal_currency = "USD"
    settings.goal_text = "Running ad-free costs us {goal} a month."
    settings.save()
    return settings


def donor(email="a@example.org"):
    return Donor.objects.get_or_create(email=email)[0]


def recurring(
    amount, currency="USD", interval="month", status="active", email="a@example.org"
):
    return RecurringDonation.objects.create(
        donor=donor(email),
        provider="dummy",
        provider_subscription_id=f"sub_{RecurringDonation.objects.count()}",
        amount_minor=amount,
        currency=currency,
        interval=interval,
        status=status,
        started_at=NOV - timedelta(days=40),
    )


def one_time(amount, currency="USD", when=NOV, email="b@example.org", refund=0):
    donation = Donation.objects.create(
        donor=donor(email),
        provider="dummy",
        provider_payment_id=f"pay_{Donation.objects.count()}",
        amount_minor=amount,
        currency=currency,
        status="succeeded",
        received_at=when,
    )
    LedgerEntry.objects.create(
        donation=donation,
        kind="payment",
        provider="dummy",
        provider_object_id=donation.provider_payment_id,
        amount_minor=amount,
        currency=currency,
        occurred_at=when,
    )
    if refund:
        LedgerEntry.objects.create(
            donation=donation,
            kind="refund",
            provider="dummy",
            provider_object_id=f"re_{donation.pk}",
            amount_minor=-refund,
            currency=currency,
            occurred_at=when,
        )
    return donation


def test_monthly_and_annual_recurring_are_normalised_to_a_month():
    recurring(500_00)
    recurring(1200_00, interval="year", email="c@example.org")
    progress = goal_progress(month=NOV)
    assert progress.covered.minor == 500_00 + 100_00
    assert progress.supporters == 2


def test_canceled_and_past_due_recurring_do_not_count():
    recurring(500_00, status="canceled")
    recurring(500_00, status="past_due", email="c@example.org")
    assert goal_progress(month=NOV).covered.minor == 0


def test_one_time_counts_in_its_calendar_month_only():
    one_time(100_00)
    one_time(900_00, when=NOV - timedelta(days=30), email="c@example.org")
    progress = goal_progress(month=NOV)
    assert progress.covered.minor == 100_00
    assert progress.supporters == 1


def test_refunds_are_taken_off():
    one_time(100_00, refund=40_00)
    assert goal_progress(month=NOV).covered.minor == 60_00


def test_other_currencies_are_converted_with_the_admins_rates():
    ExchangeRate.objects.create(currency="EUR", rate=Decimal("1.10"))
    ExchangeRate.objects.create(currency="JPY", rate=Decimal("0.0065"))
    one_time(100_00, currency="EUR")
    one_time(20000, currency="JPY", email="c@example.org")
    recurring(12000, currency="JPY", interval="year", email="d@example.org")
    progress = goal_progress(month=NOV)
    # 110.00 + 130.00 + (12000 / 12 = 1000 JPY) 6.50
    assert progress.covered.minor == 110_00 + 130_00 + 6_50
    assert progress.unconverted == ()


def test_currencies_without_a_rate_are_reported_not_guessed():
    one_time(100_00, currency="GBP")
    progress = goal_progress(month=NOV)
    assert progress.covered.minor == 0
    assert progress.unconverted == ("GBP",)


def test_percent_and_text():
    recurring(6_300_00)
    progress = goal_progress(month=NOV)
    assert progress.percent == 63
    assert progress.bar_percent == 63
    assert progress.text == "Running ad-free costs us $10,000 a month."


def test_zero_decimal_goal_currency(goal):
    goal.goal_minor = 1_500_000
    goal.goal_currency = "JPY"
    goal.save()
    ExchangeRate.objects.create(currency="USD", rate=Decimal("150"))
    recurring(100_00)
    progress = goal_progress(month=NOV)
    assert progress.covered.minor == 15000
    assert str(progress.goal) == "¥1,500,000"
    assert progress.percent == 1


@pytest.mark.django_db
def test_editing_the_goal_renews_the_meter_on_every_page(
    client, home, django_capture_on_commit_callbacks
):
    assert "$10,000" in client.get("/support/").content.decode()
    settings = FundingSettings.load()
    settings.goal_minor = 2_000_000
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    html = client.get("/support/").content.decode()
    assert "$20,000" in html and "$10,000" not in html
