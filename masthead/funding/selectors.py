"""Reads of reader funding: the monthly goal and the support page's options."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import models
from django.db.models import Sum
from django.utils import timezone

from masthead.funding.models import (
    Donation,
    DonationOption,
    Donor,
    ExchangeRate,
    Frequency,
    FundingSettings,
    LedgerEntry,
    RecurringDonation,
)
from masthead.funding.money import Money

DEFAULT_PRESETS = {
    Frequency.MONTHLY: ([2, 5, 10, 25], 2),
    Frequency.ANNUAL: ([25, 50, 100, 250], 10),
    Frequency.ONE_TIME: ([10, 25, 50, 100], 2),
}
SUPPORTED_CURRENCIES = ("USD", "EUR", "GBP")


@dataclass(frozen=True)
class GoalProgress:
    goal: Money
    covered: Money
    supporters: int
    text: str
    # Currencies received this month for which no exchange rate is set.
    unconverted: tuple[str, ...] = field(default_factory=tuple)

    @property
    def percent(self) -> int:
        if self.goal.minor <= 0:
            return 0
        return max(0, self.covered.minor * 100 // self.goal.minor)

    @property
    def bar_percent(self) -> int:
        return min(100, self.percent)


def month_bounds(month: datetime) -> tuple[datetime, datetime]:
    start = month.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else (start.replace(month=start.month + 1))
    )
    return start, end


def exchange_rates(goal_currency: str) -> dict[str, Decimal]:
    rates = {rate.currency: rate.rate for rate in ExchangeRate.objects.all()}
    rates[goal_currency] = Decimal(1)
    return rates


def goal_progress(*, month: datetime | None = None) -> GoalProgress:
    """Return how much of the month's cost readers have covered.

    Active recurring donations count at their monthly value (annual ÷ 12);
    one-time donations count when received in the calendar month; refunds
    and disputes of the month are taken off. All of it is converted to the
    goal currency with the exchange rates set in the admin.
    """
    settings = FundingSettings.load()
    goal = settings.goal
    start, end = month_bounds(timezone.localtime(month or timezone.now()))
    rates = exchange_rates(goal.currency)
    totals: dict[str, Decimal] = {}
    for recurring in RecurringDonation.objects.filter(
        status=RecurringDonation.Status.ACTIVE, started_at__lt=end
    ).values("currency", "interval", "amount_minor"):
        monthly = Decimal(recurring["amount_minor"])
        if recurring["interval"] == Frequency.ANNUAL:
            monthly /= 12
        totals[recurring["currency"]] = totals.get(recurring["currency"], 0) + monthly
    month_entries = LedgerEntry.objects.filter(
        occurred_at__gte=start, occurred_at__lt=end
    )
    one_time = month_entries.filter(
        kind=LedgerEntry.Kind.PAYMENT, donation__recurring__isnull=True
    )
    taken_back = month_entries.exclude(kind=LedgerEntry.Kind.PAYMENT)
    for entries in (one_time, taken_back):
        for row in entries.values("currency").annotate(total=Sum("amount_minor")):
            totals[row["currency"]] = totals.get(row["currency"], 0) + row["total"]
    covered = 0
    unconverted = []
    for currency, minor in totals.items():
        if currency not in rates:
            unconverted.append(currency)
            continue
        covered += (
            Money(int(minor), currency).convert(goal.currency, rates[currency]).minor
        )
    recurring_donors = set(
        RecurringDonation.objects.filter(
            status=RecurringDonation.Status.ACTIVE, started_at__lt=end
        ).values_list("donor_id", flat=True)
    )
    one_time_donors = set(
        Donation.objects.filter(
            status=Donation.Status.SUCCEEDED,
            recurring__isnull=True,
            received_at__gte=start,
            received_at__lt=end,
        ).values_list("donor_id", flat=True)
    )
    return GoalProgress(
        goal=goal,
        covered=Money(covered, goal.currency),
        supporters=len((recurring_donors | one_time_donors) - {None}),
        text=settings.goal_text.replace("{goal}", str(goal)),
        unconverted=tuple(sorted(unconverted)),
    )


@dataclass(frozen=True)
class AmountChoice:
    currency: str
    frequency: str
    presets: list[Money]
    minimum: Money


def donation_options() -> dict[tuple[str, str], AmountChoice]:
    """Return the presets and minimum for each currency and frequency."""
    options = {}
    for currency in SUPPORTED_CURRENCIES:
        for frequency, (presets, minimum) in DEFAULT_PRESETS.items():
            options[(currency, frequency)] = AmountChoice(
                currency=currency,
                frequency=frequency,
                presets=[Money.major(amount, currency) for amount in presets],
                minimum=Money.major(minimum, currency),
            )
    for option in DonationOption.objects.all():
        options[(option.currency, option.frequency)] = AmountChoice(
            currency=option.currency,
            frequency=option.frequency,
            presets=option.preset_amounts(),
            minimum=option.minimum,
        )
    return options


@dataclass(frozen=True)
class MonthTotal:
    month: datetime
    received: Money  # payments minus refunds and disputes, in the goal currency


@dataclass(frozen=True)
class FundingReport:
    month: datetime
    progress: GoalProgress
    recurring_monthly: Money
    one_time: Money
    refunds_and_disputes: Money
    new_recurring: int
    canceled_recurring: int
    by_currency: list[tuple[str, int]]  # minor units received, net, per currency
    by_appeal: list[tuple[str, Money, int]]  # goal currency, count of payments
    history: list[MonthTotal]
    review: list[Donation]


def _in_goal_currency(totals: dict[str, Decimal], goal_currency: str) -> int:
    rates = exchange_rates(goal_currency)
    return sum(
        Money(int(minor), currency).convert(goal_currency, rates[currency]).minor
        for currency, minor in totals.items()
        if currency in rates
    )


def _ledger_totals(entries) -> dict[str, Decimal]:
    return {
        row["currency"]: Decimal(row["total"])
        for row in entries.values("currency").annotate(total=Sum("amount_minor"))
    }


def funding_report(*, month: datetime | None = None) -> FundingReport:
    """Return the figures of the funding dashboard for ``month``."""
    progress = goal_progress(month=month)
    goal_currency = progress.goal.currency
    start, end = month_bounds(timezone.localtime(month or timezone.now()))
    recurring = RecurringDonation.objects.filter(
        status=RecurringDonation.Status.ACTIVE, started_at__lt=end
    )
    monthly: dict[str, Decimal] = {}
    for row in recurring.values("currency", "interval", "amount_minor"):
        value = Decimal(row["amount_minor"])
        if row["interval"] == Frequency.ANNUAL:
            value /= 12
        monthly[row["currency"]] = monthly.get(row["currency"], 0) + value
    entries = LedgerEntry.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
    one_time = _ledger_totals(
        entries.filter(kind=LedgerEntry.Kind.PAYMENT, donation__recurring__isnull=True)
    )
    taken_back = _ledger_totals(entries.exclude(kind=LedgerEntry.Kind.PAYMENT))
    by_appeal = []
    for row in (
        entries.filter(kind=LedgerEntry.Kind.PAYMENT)
        .values("donation__appeal", "currency")
        .annotate(total=Sum("amount_minor"), count=models.Count("id"))
    ):
        by_appeal.append(
            (
                row["donation__appeal"] or "—",
                row["currency"],
                row["total"],
                row["count"],
            )
        )
    appeals: dict[str, list[int]] = {}
    for appeal, currency, total, count in by_appeal:
        converted = _in_goal_currency({currency: Decimal(total)}, goal_currency)
        appeals.setdefault(appeal, [0, 0])
        appeals[appeal][0] += converted
        appeals[appeal][1] += count
    history = []
    cursor = start
    for _ in range(12):
        month_start, month_end = month_bounds(cursor)
        received = _ledger_totals(
            LedgerEntry.objects.filter(
                occurred_at__gte=month_start, occurred_at__lt=month_end
            )
        )
        history.append(
            MonthTotal(
                month_start,
                Money(_in_goal_currency(received, goal_currency), goal_currency),
            )
        )
        cursor = month_start - timedelta(days=1)
    return FundingReport(
        month=start,
        progress=progress,
        recurring_monthly=Money(
            _in_goal_currency(monthly, goal_currency), goal_currency
        ),
        one_time=Money(_in_goal_currency(one_time, goal_currency), goal_currency),
        refunds_and_disputes=Money(
            -_in_goal_currency(taken_back, goal_currency), goal_currency
        ),
        new_recurring=RecurringDonation.objects.filter(
            started_at__gte=start, started_at__lt=end
        ).count(),
        canceled_recurring=RecurringDonation.objects.filter(
            canceled_at__gte=start, canceled_at__lt=end
        ).count(),
        by_currency=sorted(
            (currency, int(total))
            for currency, total in _ledger_totals(entries).items()
        ),
        by_appeal=sorted(
            (
                (name, Money(total, goal_currency), count)
                for name, (total, count) in appeals.items()
            ),
            key=lambda row: -row[1].minor,
        ),
        history=list(reversed(history)),
        review=list(Donation.objects.filter(status=Donation.Status.REVIEW)[:50]),
    )


def donations_for_export():
    return (
        Donation.objects.select_related("donor", "recurring")
        .order_by("received_at", "pk")
        .iterator(chunk_size=500)
    )


def recurring_donation_of(*, donor: Donor, pk: str) -> RecurringDonation | None:
    """Return the donor's own recurring donation ``pk``; None for anyone else's."""
    if not str(pk).isdigit():
        return None
    return RecurringDonation.objects.filter(donor=donor, pk=int(pk)).first()


def donor_donations(*, donor: Donor) -> dict:
    """Return what a signed-in donor sees: their recurring and past donations."""
    return {
        "recurring": RecurringDonation.objects.filter(donor=donor),
        "donations": Donation.objects.filter(donor=donor).exclude(
            status=Donation.Status.FAILED
        ),
    }
