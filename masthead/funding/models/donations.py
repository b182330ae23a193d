"""Donors, what they started and gave, the ledger, and the provider's events.

Money is an integer of minor units beside an ISO 4217 currency code.
"""

import uuid
from decimal import Decimal
from fractions import Fraction

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from masthead.funding.models.base import (
    Amount,
    Attribution,
    Frequency,
)
from masthead.funding.money import Money


class Donor(models.Model):
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.email


class ProviderCustomer(models.Model):
    """The donor's customer record at one payment provider."""

    donor = models.ForeignKey(Donor, on_delete=models.CASCADE, related_name="customers")
    provider = models.CharField(max_length=40)
    customer_id = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "customer_id"], name="unique_provider_customer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.customer_id}"


class DonationIntent(Attribution, Amount):
    """A donation a reader started: what they asked to give, and how."""

    class Status(models.TextChoices):
        STARTED = "started", _("Started")
        COMPLETED = "completed", _("Completed")
        FAILED = "failed", _("Failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    idempotency_key = models.CharField(max_length=64, unique=True)
    provider = models.CharField(max_length=40)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    email = models.EmailField()
    name = models.CharField(max_length=200, blank=True)
    donor = models.ForeignKey(Donor, null=True, blank=True, on_delete=models.SET_NULL)
    # The bank-transfer or crypto reference the reader writes on a transfer.
    reference = models.CharField(max_length=20, unique=True, null=True, blank=True)
    provider_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.STARTED
    )
    # The site's address as the reader had it (a registered mirror's, or the
    # main domain's): emailed links for this donation go there.
    site_url = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.money} {self.get_frequency_display()} ({self.provider})"


# A recurring donation's period: Masthead's Checkout starts monthly and annual
# ones; a Payment Link made in Stripe's dashboard may renew every week, every
# day or every N of them. How many periods a month holds, for the goal meter.
PERIODS_A_MONTH = {
    "day": Fraction(365, 12),
    "week": Fraction(52, 12),
    Frequency.MONTHLY: Fraction(1),
    Frequency.ANNUAL: Fraction(1, 12),
}
# The donation's period in a sentence ("your quarterly donation"), when it
# is N of a unit; one of a unit says its choice's name.
PERIOD_NAMES = {
    ("week", 2): _("fortnightly"),
    (Frequency.MONTHLY, 3): _("quarterly"),
    (Frequency.MONTHLY, 6): _("half-yearly"),
}


class RecurringDonation(Attribution, Amount):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAST_DUE = "past_due", _("Past due")
        CANCELED = "canceled", _("Canceled")

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="recurring")
    intent = models.ForeignKey(
        DonationIntent, null=True, blank=True, on_delete=models.SET_NULL
    )
    provider = models.CharField(max_length=40)
    provider_subscription_id = models.CharField(max_length=255)
    interval = models.CharField(
        max_length=10,
        choices=[
            ("day", _("Daily")),
            ("week", _("Weekly")),
            (Frequency.MONTHLY, _("Monthly")),
            (Frequency.ANNUAL, _("Annual")),
        ],
    )
    # Renews every ``interval_count`` intervals (Stripe's interval_count).
    interval_count = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)]
    )
    status = models.CharField(max_length=12, choices=Status.choices)
    started_at = models.DateTimeField()
    canceled_at = models.DateTimeField(null=True, blank=True)
    past_due_since = models.DateTimeField(null=True, blank=True)
    # The provider's time of the latest status and of the latest amount
    # applied: an older event that arrives later changes neither.
    status_at = models.DateTimeField(null=True, blank=True)
    amount_at = models.DateTimeField(null=True, blank=True)
    # Every [minor, currency] the donation has had: the one started, the
    # donor's changes, the provider's updates. A renewal must be one of them.
    amounts = models.JSONField(default=list, blank=True)
    # Which past-due spell the donor was told about, and the cancellation.
    failure_notice_for = models.DateTimeField(null=True, blank=True)
    cancel_notice_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_subscription_id"],
                name="unique_provider_subscription",
            )
        ]

    def __str__(self) -> str:
        return f"{self.money} {self.period_name} ({self.status})"

    @property
    def period_name(self) -> str:
        """The period in a sentence: monthly, annual, weekly, quarterly, 4-weekly."""
        count = self.interval_count or 1
        if count == 1:
            return str(self.get_interval_display()).lower()
        if (self.interval, count) in PERIOD_NAMES:
            return str(PERIOD_NAMES[self.interval, count])
        every = {"day": "daily", "week": "weekly", "year": "yearly"}
        return f"{count}-{every.get(self.interval, 'monthly')}"

    @property
    def period_code(self) -> str:
        """The period as the donations export writes it: month, year, 3 month."""
        count = self.interval_count or 1
        return self.interval if count == 1 else f"{count} {self.interval}"

    def has_had(self, amount: Money) -> bool:
        return [amount.minor, amount.currency] in self.amounts


class Donation(Attribution, Amount):
    """One payment, as the provider reported it."""

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Succeeded")
        PENDING = "pending", _("Pending")
        FAILED = "failed", _("Failed")
        REVIEW = "review", _("Needs review")

    donor = models.ForeignKey(
        Donor, null=True, blank=True, on_delete=models.PROTECT, related_name="donations"
    )
    intent = models.ForeignKey(
        DonationIntent, null=True, blank=True, on_delete=models.SET_NULL
    )
    recurring = models.ForeignKey(
        RecurringDonation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="payments",
    )
    provider = models.CharField(max_length=40)
    provider_payment_id = models.CharField(max_length=255)
    status = models.CharField(max_length=12, choices=Status.choices)
    review_reason = models.CharField(max_length=255, blank=True)
    # A renewal of an amount not known yet: counted by itself once the
    # provider's update shows the recurring donation at that amount.
    held_for_amount = models.BooleanField(default=False)
    received_at = models.DateTimeField()
    receipt_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_payment_id"],
                name="unique_provider_payment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.money} via {self.provider} ({self.status})"


class LedgerEntry(Amount):
    """Money in and out: the net of a donation is the sum of its entries."""

    class Kind(models.TextChoices):
        PAYMENT = "payment", _("Payment")
        REFUND = "refund", _("Refund")
        DISPUTE = "dispute", _("Dispute")
        DISPUTE_WON = "dispute_won", _("Dispute won")

        @property
        def sign(self) -> int:
            """Return +1 for money in, -1 for money taken back."""
            return -1 if self.value in ("refund", "dispute") else 1

    donation = models.ForeignKey(
        Donation, on_delete=models.PROTECT, related_name="ledger"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    provider = models.CharField(max_length=40)
    provider_object_id = models.CharField(max_length=255)
    # Signed: the kind's sign (payments and won disputes add, refunds and
    # disputes subtract).
    amount_minor = models.BigIntegerField()
    occurred_at = models.DateTimeField()

    class Meta:
        ordering = ["occurred_at"]
        verbose_name_plural = "ledger entries"
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "kind", "provider_object_id"],
                name="unique_ledger_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.money}"


class ProviderEvent(models.Model):
    """A provider's event, stored raw and once, before it is processed."""

    provider = models.CharField(max_length=40)
    event_id = models.CharField(max_length=255)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    # When the provider created it: events are processed in this order.
    created_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    # When the worker tries again an event that was not ready; none: never.
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The payment held for review that this refund or dispute waits for.
    waits_for_payment = models.CharField(max_length=255, blank=True, db_index=True)

    class Meta:
        ordering = ["received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_id"], name="unique_provider_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.event_id} {self.type}"


class ReconcileRun(models.Model):
    """One reconciliation with the providers, by the worker or by hand."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    since = models.DateTimeField()
    listed = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    problems = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"reconcile since {self.since:%Y-%m-%d %H:%M}"


class SignInToken(models.Model):
    """A one-time, expiring link that signs a donor in; only its hash is kept."""

    donor = models.ForeignKey(Donor, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"sign-in link for {self.donor}"


def monthly_share(amount_minor: int, interval: str, count: int = 1) -> Decimal:
    """What a donation of ``amount_minor`` every ``count`` ``interval`` gives a
    month, in minor units (an unknown interval counts as monthly)."""
    periods = PERIODS_A_MONTH.get(interval, Fraction(1)) / max(count or 1, 1)
    share = amount_minor * periods
    return Decimal(share.numerator) / Decimal(share.denominator)
