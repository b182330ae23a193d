"""Reader funding: donors, donations, recurring donations, the ledger, the goal.

Money is an integer of minor units beside an ISO 4217 currency code.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from masthead.funding.admin_forms import FundingSettingsForm
from masthead.funding.money import EXPONENTS, Money

CURRENCY_CHOICES = [(code, code) for code in sorted(EXPONENTS)]


class Frequency(models.TextChoices):
    ONE_TIME = "one_time", _("One-time")
    MONTHLY = "month", _("Monthly")
    ANNUAL = "year", _("Annual")


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


class Attribution(models.Model):
    """Which appeal and variant a reader came from, if any."""

    appeal = models.CharField(max_length=100, blank=True)
    variant = models.CharField(max_length=100, blank=True)

    class Meta:
        abstract = True


class DonationIntent(Attribution):
    """A donation a reader started: what they asked to give, and how."""

    class Status(models.TextChoices):
        STARTED = "started", _("Started")
        COMPLETED = "completed", _("Completed")
        FAILED = "failed", _("Failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    idempotency_key = models.CharField(max_length=64, unique=True)
    provider = models.CharField(max_length=40)
    amount_minor = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
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

    @property
    def money(self) -> Money:
        return Money(self.amount_minor, self.currency)


class RecurringDonation(Attribution):
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
    amount_minor = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
    interval = models.CharField(
        max_length=10,
        choices=[(Frequency.MONTHLY, _("Monthly")), (Frequency.ANNUAL, _("Annual"))],
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
        return f"{self.money} every {self.interval} ({self.status})"

    @property
    def money(self) -> Money:
        return Money(self.amount_minor, self.currency)

    def has_had(self, amount: Money) -> bool:
        return [amount.minor, amount.currency] in self.amounts


class Donation(Attribution):
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
    amount_minor = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
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

    @property
    def money(self) -> Money:
        return Money(self.amount_minor, self.currency)


class LedgerEntry(models.Model):
    """Money in and out: the net of a donation is the sum of its entries."""

    class Kind(models.TextChoices):
        PAYMENT = "payment", _("Payment")
        REFUND = "refund", _("Refund")
        DISPUTE = "dispute", _("Dispute")
        DISPUTE_WON = "dispute_won", _("Dispute won")

    donation = models.ForeignKey(
        Donation, on_delete=models.PROTECT, related_name="ledger"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    provider = models.CharField(max_length=40)
    provider_object_id = models.CharField(max_length=255)
    # Signed: payments and won disputes add, refunds and disputes subtract.
    amount_minor = models.BigIntegerField()
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
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
        return f"{self.kind} {Money(self.amount_minor, self.currency)}"


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


class ManualRail(models.Model):
    """A way to give without a card: a bank account or a crypto address."""

    class Kind(models.TextChoices):
        BANK = "bank", _("Bank transfer")
        CRYPTO = "crypto", _("Cryptocurrency")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(
        max_length=100,
        help_text=_("As readers see it: “SEPA transfer (EUR)”, “USDT (TRC-20)”."),
    )
    details = models.TextField(
        help_text=_("Account holder, IBAN, BIC, bank; or the network and any memo.")
    )
    address = models.CharField(
        max_length=255, blank=True,
        help_text=_("Crypto address or IBAN; shown with a QR code."),
    )  # fmt: skip
    active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldPanel("details"),
        FieldPanel("address"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "label"]

    def __str__(self) -> str:
        return self.label


class SignInToken(models.Model):
    """A one-time, expiring link that signs a donor in; only its hash is kept."""

    donor = models.ForeignKey(Donor, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"sign-in link for {self.donor}"


@register_setting(icon="tag")
class FundingSettings(BaseGenericSetting):
    """The monthly goal: what running the newsroom ad-free costs."""

    goal_minor = models.PositiveBigIntegerField(
        default=1_000_000,
        verbose_name=_("monthly cost, in minor units (cents)"),
        help_text=_("For $10,000 a month, enter 1000000."),
    )
    goal_currency = models.CharField(
        max_length=3, choices=CURRENCY_CHOICES, default="USD"
    )
    goal_text = models.CharField(
        max_length=255,
        default="Running ad-free costs us {goal} a month. Your support fills the gap.",
        help_text=_("{goal} is replaced by the monthly cost."),
    )

    panels = [
        FieldPanel("goal_minor"),
        FieldPanel("goal_currency"),
        FieldPanel("goal_text"),
    ]
    # Shows and takes the goal in currency units (10,000), not minor units.
    base_form_class = FundingSettingsForm

    class Meta:
        verbose_name = _("funding goal")

    @property
    def goal(self) -> Money:
        return Money(self.goal_minor, self.goal_currency)


class DonationOption(models.Model):
    """Preset amounts and the minimum for one currency and frequency."""

    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    presets_minor = models.JSONField(
        default=list,
        verbose_name=_("preset amounts"),
        help_text=_("Minor units (cents), in the order offered."),
    )
    minimum_minor = models.PositiveBigIntegerField(
        help_text=_("In minor units: 200 is $2.00.")
    )

    panels = [
        FieldPanel("currency"),
        FieldPanel("frequency"),
        FieldPanel("presets_minor"),
        FieldPanel("minimum_minor"),
    ]

    class Meta:
        ordering = ["currency", "frequency"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "frequency"], name="unique_donation_option"
            )
        ]

    def __str__(self) -> str:
        amounts = ", ".join(str(money) for money in self.preset_amounts())
        return f"{self.currency} {self.get_frequency_display()}: {amounts}"

    def preset_amounts(self) -> list[Money]:
        return [
            Money(minor, self.currency)
            for minor in self.presets_minor
            if isinstance(minor, int) and not isinstance(minor, bool) and minor > 0
        ]

    @property
    def minimum(self) -> Money:
        return Money(self.minimum_minor, self.currency)


class ExchangeRate(models.Model):
    """How many units of the goal currency one unit of ``currency`` is worth."""

    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES, unique=True)
    rate = models.DecimalField(max_digits=18, decimal_places=8)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("currency"), FieldPanel("rate")]

    class Meta:
        ordering = ["currency"]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.rate}"
