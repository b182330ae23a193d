"""What the funding models share: currencies, frequencies, amounts, attribution."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from masthead.funding.money import EXPONENTS, Money

CURRENCY_CHOICES = [(code, code) for code in sorted(EXPONENTS)]


class Frequency(models.TextChoices):
    ONE_TIME = "one_time", _("One-time")
    MONTHLY = "month", _("Monthly")
    ANNUAL = "year", _("Annual")


class Attribution(models.Model):
    """Which appeal and variant a reader came from, if any."""

    appeal = models.CharField(max_length=100, blank=True)
    variant = models.CharField(max_length=100, blank=True)

    class Meta:
        abstract = True


class Amount(models.Model):
    """An amount of money: integer minor units and an ISO 4217 currency."""

    amount_minor = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)

    class Meta:
        abstract = True

    @property
    def money(self) -> Money:
        return Money(self.amount_minor, self.currency)
