"""Reads of reader funding: the monthly goal and the support page's options."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

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
    monthly_share,
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


@dataclass(frozen=True)
class MonthTotals:
    """A month's money by kind, in minor units of each currency.

    Recurring donations count at their monthly value (annual ÷ 12, so not
    always whole until converted); refunds and disputes are negative.
    """

    recurring: dict[str, Decimal]
    one_time: dict[str, Decimal]
    taken_back: dict[str, Decimal]

    def combined(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for part in (self.recurring, self.one_time, self.taken_back):
            for currency, minor in part.items():
                totals[currency] = totals.get(currency, Decimal(0)) + minor
        return totals


def _ledger_totals(entries) -> dict[str, Decimal]:
    return {
        row["currency"]: Decimal(row["total"])
        for row in entries.values("currency").annotate(total=Sum("amount_minor"))
    }


def _active_recurring(end: datetime):
    return RecurringDonation.objects.filter(
        status=RecurringDonation.Status.ACTIVE, started_at__lt=end
    )


def _month_totals(start: datetime, end: datetime) -> MonthTotals:
    """Return the month's recurring, one-time and taken-back money."""
    recurring: dict[str, Decimal] = {}
    rows = _active_recurring(end).values(
        "currency", "interval", "interval_count", "amount_minor"
    )
    for row in rows:
        monthly = monthly_share(
            row["amount_minor"], row["interval"], row["interval_count"]
        )
        recurring[row["currency"]] = recurring.get(row["currency"], 0) + monthly
    entries = LedgerEntry.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
    return MonthTotals(
        recurring=recurring,
        one_time=_ledger_totals(
            entries.filter(
                kind=LedgerEntry.Kind.PAYMENT, donation__recurring__isnull=True
            )
        ),
        taken_back=_ledger_totals(entries.exclude(kind=LedgerEntry.Kind.PAYMENT)),
    )


def _in_goal_currency(
    totals: dict[str, Decimal], goal_currency: str, rates: dict[str, Decimal]
) -> int:
    """Return ``totals`` in minor units of the goal currency; unrated ones left out."""
    return sum(
        Money(int(minor.to_integral_value(ROUND_HALF_UP)), currency)
        .convert(goal_currency, rates[currency])
        .minor
        for currency, minor in totals.items()
        if currency in rates
    )


def goal_progress(*, month: datetime | None = None) -> GoalProgress:
    """Return how much of the month's cost readers have covered.

    Active recurring donations count at their monthly value (annual ÷ 12);
    one-time donations count when received in the calendar month; refunds
    and disputes of the month are taken off. All of it is converted to the
    goal currency with the exchange rates set in the admin.
    """
    settings = FundingSettings.load()
    start, end = month_bounds(timezone.localtime(month or timezone.now()))
    rates = exchange_rates(settings.goal_currency)
    return _goal_progress(settings, start, end, rates, _month_totals(start, end))


def _goal_progress(settings, start, end, rates, totals: MonthTotals) -> GoalProgress:
    goal = settings.goal
    combined = totals.combined()
    recurring_donors = set(_active_recurring(end).values_list("donor_id", flat=True))
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
        covered=Money(_in_goal_currency(combined, goal.currency, rates), goal.currency),
        supporters=len((recurring_donors | one_time_donors) - {None}),
        text=settings.goal_text.replace("{goal}", str(goal)),
        unconverted=tuple(sorted(set(combined) - set(rates))),
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


def funding_report(*, month: datetime | None = None) -> FundingReport:
    """Return the figures of the funding dashboard for ``month``.

    Exchange rates are read once, and each figure is computed once: the
    meter's total is the sum of the dashboard's parts.
    """
    settings = FundingSettings.load()
    goal_currency = settings.goal_currency
    start, end = month_bounds(timezone.localtime(month or timezone.now()))
    rates = exchange_rates(goal_currency)
    totals = _month_totals(start, end)

    def in_goal(amounts: dict[str, Decimal]) -> Money:
        return Money(_in_goal_currency(amounts, goal_currency, rates), goal_currency)

    entries = LedgerEntry.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
    return FundingReport(
        month=start,
        progress=_goal_progress(settings, start, end, rates, totals),
        recurring_monthly=in_goal(totals.recurring),
        one_time=in_goal(totals.one_time),
        refunds_and_disputes=Money(-in_goal(totals.taken_back).minor, goal_currency),
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
        by_appeal=_by_appeal(entries, in_goal),
        history=_history(start, in_goal),
        review=list(Donation.objects.filter(status=Donation.Status.REVIEW)[:50]),
    )


def _by_appeal(entries, in_goal) -> list[tuple[str, Money, int]]:
    """Return each appeal's payments of the month, largest first."""
    appeals: dict[str, list] = {}
    for row in (
        entries.filter(kind=LedgerEntry.Kind.PAYMENT)
        .values("donation__appeal", "currency")
        .annotate(total=Sum("amount_minor"), count=models.Count("id"))
    ):
        received = in_goal({row["currency"]: Decimal(row["total"])})
        name = row["donation__appeal"] or "—"
        total, count = appeals.get(name, (Money(0, received.currency), 0))
        appeals[name] = (total + received, count + row["count"])
    return sorted(
        ((name, total, count) for name, (total, count) in appeals.items()),
        key=lambda row: -row[1].minor,
    )


def _history(start: datetime, in_goal) -> list[MonthTotal]:
    """Return what came in each month of the year to ``start``, oldest first."""
    history = []
    cursor = start
    for _ in range(12):
        month_start, month_end = month_bounds(cursor)
        received = _ledger_totals(
            LedgerEntry.objects.filter(
                occurred_at__gte=month_start, occurred_at__lt=month_end
            )
        )
        history.append(MonthTotal(month_start, in_goal(received)))
        cursor = month_start - timedelta(days=1)
    return list(reversed(history))


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
