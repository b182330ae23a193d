"""Funding for the demo newsroom: a goal, an account for transfers, and a
month of donations that went through the dummy provider's event pipeline.

Idempotent: event ids are fixed, so a second run records nothing new.
"""

from datetime import timedelta

from django.conf import settings
from django.test.utils import override_settings
from django.utils import timezone

from masthead.funding import factories
from masthead.funding.models import (
    Donation,
    DonationIntent,
    ExchangeRate,
    Frequency,
    FundingSettings,
    ManualRail,
    ProviderEvent,
)

DUMMY = {"BACKEND": "masthead.funding.providers.dummy.DummyProvider"}

# (email, amount in minor units, currency, frequency) — 63% of $10,000 when
# converted, as a newsroom halfway through a month might see.
SUPPORTERS = [
    *[(f"monthly{n}@example.org", 1000, "USD", Frequency.MONTHLY) for n in range(190)],
    *[(f"euro{n}@example.org", 2500, "EUR", Frequency.MONTHLY) for n in range(60)],
    *[(f"annual{n}@example.org", 12000, "USD", Frequency.ANNUAL) for n in range(40)],
    *[(f"once{n}@example.org", 5000, "USD", Frequency.ONE_TIME) for n in range(30)],
    *[(f"pound{n}@example.org", 10000, "GBP", Frequency.ONE_TIME) for n in range(7)],
]


def build() -> int:
    """Set up the goal and record the demo donations; return how many are new."""
    goal = FundingSettings.load()
    goal.goal_minor = 1_000_000
    goal.goal_currency = "USD"
    goal.goal_text = (
        "Running ad-free costs us {goal} a month. Your support fills the gap."
    )
    goal.save()
    ExchangeRate.objects.get_or_create(currency="EUR", defaults={"rate": "1.08"})
    ExchangeRate.objects.get_or_create(currency="GBP", defaults={"rate": "1.27"})
    ManualRail.objects.get_or_create(
        label="SEPA transfer (EUR)",
        defaults={
            "kind": ManualRail.Kind.BANK,
            "details": "Account holder: Lantern Media (demo)\nIBAN: LT00 0000 0000 "
            "0000 0000\nBIC: DEMOLT00\nThis account is fictional.",
            "address": "LT000000000000000000",
        },
    )
    # The demo's donations are the dummy provider's, whichever providers the
    # site offers readers: it processes them even when it is switched off.
    providers = {**settings.FUNDING_PROVIDERS, "dummy": DUMMY}
    with override_settings(FUNDING_PROVIDERS=providers):
        new = _donations()
    # Demo donors have fictional addresses: send them no receipts.
    Donation.objects.filter(
        provider_payment_id__startswith="demo_pay_", receipt_sent_at__isnull=True
    ).update(receipt_sent_at=timezone.now())
    return new


def _donations() -> int:
    now = timezone.now()
    new = 0
    for number, (email, minor, currency, frequency) in enumerate(SUPPORTERS):
        event_id = f"demo_evt_{email}"
        if ProviderEvent.objects.filter(provider="dummy", event_id=event_id).exists():
            continue
        intent = DonationIntent.objects.create(
            idempotency_key=f"demo-{email}",
            provider="dummy",
            amount_minor=minor,
            currency=currency,
            frequency=frequency,
            email=email,
            appeal=("end-of-article", "banner", "")[number % 3],
            variant=("A", "A", "")[number % 3] if number % 9 != 0 else "B",
        )
        recurring = frequency != Frequency.ONE_TIME
        factories.record(
            factories.dummy_payment(
                intent=intent,
                event_id=event_id,
                payment_id=f"demo_pay_{email}",
                subscription_id=f"demo_sub_{email}" if recurring else "",
                interval=frequency if recurring else "",
                occurred_at=now - timedelta(hours=number % (24 * 12)),
            )
        )
        new += 1
    return new
