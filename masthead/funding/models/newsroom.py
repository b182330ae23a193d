"""What the newsroom sets in the admin: the goal, amounts, rates, bank and crypto."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from masthead.funding.admin_forms import FundingSettingsForm
from masthead.funding.models.base import CURRENCY_CHOICES, Frequency
from masthead.funding.money import Money


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
        max_length=255,
        blank=True,
        help_text=_("Crypto address or IBAN; shown with a QR code."),
    )
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


class PaymentLink(models.Model):
    """A Stripe Payment Link: how a copy of the site with no server takes a card.

    Made in Stripe's dashboard and pasted here; the static copies' support
    page lists the active ones. What readers pay through them reaches the
    ledger through the same webhook as Checkout (a Checkout Session with
    ``payment_link`` set and no donation of ours behind it).
    """

    label = models.CharField(
        max_length=100,
        help_text=_("As readers see it: “Give $5 a month”, “Give any amount once”."),
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[
            URLValidator(
                schemes=["https"],
                code="not_https",  # "invalid" would show the field's own message
                message=_(
                    "Enter the link's https:// address, as Stripe shows it "
                    "(https://buy.stripe.com/…)."
                ),
            )
        ],
        help_text=_("From Stripe's dashboard: Payment Links, then Copy link."),
    )
    active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("label"),
        FieldPanel("frequency"),
        FieldPanel("url"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("payment link")

    def __str__(self) -> str:
        return self.label


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
