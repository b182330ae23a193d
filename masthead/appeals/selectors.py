"""Which appeals a page carries, and how each variant has done."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils import timezone

from masthead import pagecache
from masthead.appeals import stats
from masthead.appeals.models import EVENT_COLUMNS, Appeal, AppealVariant, DailyCount
from masthead.funding.models import Donation, FundingSettings, LedgerEntry
from masthead.funding.money import Money
from masthead.funding.selectors import donation_options, exchange_rates
from masthead.memo import Memo

# Pages are cached; an appeal that starts within this lead is rendered
# already, and the reader's device waits for its start time.
START_LEAD = timedelta(days=1)
LIVE_SECONDS = 60
# The live list of the current version (and of one just renewed).
_LIVE = Memo(size=4, seconds=LIVE_SECONDS)


def live_appeals(*, now: datetime | None = None) -> list[Appeal]:
    """Every appeal that is on and has not ended, highest priority first.

    Cached until an appeal changes, and for at most a minute, so that one
    starting soon is picked up: in this process's memory, behind it in the
    shared cache.
    """
    now = now or timezone.now()
    version = pagecache.version("appeals")
    appeals = _LIVE.get(version)
    if appeals is None:
        appeals = _shared_live_appeals(version, now)
        _LIVE.set(version, appeals)
    return [
        appeal
        for appeal in appeals
        if (appeal.ends_at is None or appeal.ends_at > now) and appeal.variant_list
    ]


def _shared_live_appeals(version: int, now: datetime) -> list[Appeal]:
    key = f"appeals:live:{version}"
    appeals = cache.get(key)
    if appeals is None:
        appeals = list(
            Appeal.objects.filter(active=True)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now + START_LEAD))
            .prefetch_related("variants", "sections")
            .order_by("-priority", "pk")
        )
        for appeal in appeals:
            appeal.section_ids = frozenset(s.pk for s in appeal.sections.all())
            appeal.variant_list = [v for v in appeal.variants.all() if v.weight]
        cache.set(key, appeals, LIVE_SECONDS)
    return appeals


def variant_keys_used(appeal: Appeal) -> set[str]:
    """Return the keys of current variants and of removed ones that left results."""
    return (
        set(
            AppealVariant.objects.filter(appeal_id=appeal.pk).values_list(
                "key", flat=True
            )
        )
        | set(
            DailyCount.objects.filter(appeal_id=appeal.pk).values_list(
                "variant", flat=True
            )
        )
        | set(
            Donation.objects.filter(appeal=appeal.key).values_list("variant", flat=True)
        )
    )


def appeal_names() -> dict[str, str]:
    """Return each appeal's name by its key."""
    return dict(Appeal.objects.values_list("key", "name"))


def currency_offered(currency: str) -> bool:
    """Whether the support page takes ``currency`` (it has amounts for it)."""
    return any(code == currency for code, _ in donation_options())


def _language_matches(wanted: str, language: str | None) -> bool:
    if not wanted:
        return True
    if not language:
        return False
    language = language.lower()
    return language == wanted or language.split("-")[0] == wanted


def appeals_for(
    *,
    placement: str,
    section_id: int | None = None,
    language: str | None = None,
    now: datetime | None = None,
    live: list[Appeal] | None = None,
) -> list[Appeal]:
    """The appeals a page may show at ``placement``, in order of precedence.

    An appeal limited to sections shows only on pages of those sections;
    one limited to a language only on pages in that language. ``live`` is
    ``live_appeals()``, when the caller has it already.
    """
    return [
        appeal
        for appeal in (live_appeals(now=now) if live is None else live)
        if appeal.placement == placement
        and (not appeal.section_ids or section_id in appeal.section_ids)
        and _language_matches(appeal.language, language)
    ]


def known_variant(appeal_key: str, variant_key: str) -> Appeal | None:
    """The appeal, if it exists and has that variant; beacons must name both."""
    appeal = Appeal.objects.filter(key=appeal_key).first()
    if appeal and appeal.variants.filter(key=variant_key).exists():
        return appeal
    return None


# Results ------------------------------------------------------------------


@dataclass
class Tally:
    """Daily counts and attributed donations, for a day or a whole period.

    ``amount_minor`` is in the goal currency (``currency``).
    """

    currency: str = ""
    impressions: int = 0
    clicks: int = 0
    snoozes: int = 0
    supporters: int = 0
    donations: int = 0
    amount_minor: int = 0

    def add(self, other: "Tally") -> None:
        for name in (*EVENT_COLUMNS.values(), "donations", "amount_minor"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def amount(self) -> Money:
        return Money(self.amount_minor, self.currency)

    @property
    def interval(self) -> stats.Interval:
        """Donations per impression, with its 95% interval."""
        return stats.wilson(self.donations, self.impressions)

    @property
    def click_rate_percent(self) -> str:
        return stats.percent(self.clicks / self.impressions if self.impressions else 0)


@dataclass
class DayRow(Tally):
    day: date | None = None
    variant: str = ""


@dataclass
class VariantResult(Tally):
    key: str = ""
    headline: str = ""


@dataclass
class AppealResults:
    appeal: Appeal
    since: date
    until: date
    currency: str
    variants: list[VariantResult]
    days: list[DayRow]
    leader: stats.Leader
    unconverted: tuple[str, ...]
    totals: VariantResult


def _first_payments(appeal: Appeal, start: datetime, end: datetime) -> list[Donation]:
    """Donations that came through the appeal: each checkout counts once.

    Renewals of a monthly donation carry the appeal too; only the first
    payment is a conversion.
    """
    donations = Donation.objects.filter(
        appeal=appeal.key,
        status=Donation.Status.SUCCEEDED,
        received_at__gte=start,
        received_at__lt=end,
    ).order_by("received_at", "pk")
    seen_intents: set[int] = set()
    seen_recurring: set[int] = set()
    earlier_recurring = set(
        Donation.objects.filter(
            appeal=appeal.key, received_at__lt=start, recurring__isnull=False
        ).values_list("recurring_id", flat=True)
    )
    first = []
    for donation in donations:
        if donation.recurring_id and (
            donation.recurring_id in seen_recurring
            or donation.recurring_id in earlier_recurring
        ):
            continue
        if donation.intent_id and donation.intent_id in seen_intents:
            continue
        seen_intents.add(donation.intent_id)
        if donation.recurring_id:
            seen_recurring.add(donation.recurring_id)
        first.append(donation)
    return first


def appeal_results(appeal: Appeal, *, since: date, until: date) -> AppealResults:
    """Counts, donations and conversion of each variant, from ``since`` to ``until``.

    Amounts are what is left after refunds and disputes, in the goal
    currency at the exchange rates set in the admin. A donation refunded in
    full is not a conversion.
    """
    goal_currency = FundingSettings.load().goal_currency
    rates = exchange_rates(goal_currency)
    rows: dict[tuple[date, str], DayRow] = {}

    def row(day: date, variant: str) -> DayRow:
        return rows.setdefault(
            (day, variant), DayRow(day=day, variant=variant, currency=goal_currency)
        )

    for count in DailyCount.objects.filter(
        appeal=appeal, day__gte=since, day__lte=until
    ):
        row(count.day, count.variant).add(
            Tally(**{name: getattr(count, name) for name in EVENT_COLUMNS.values()})
        )
    unconverted = _add_donations(appeal, since, until, row, rates, goal_currency)
    variants, totals = _by_variant(appeal, rows.values(), goal_currency)
    return AppealResults(
        appeal=appeal,
        since=since,
        until=until,
        currency=goal_currency,
        variants=variants,
        days=sorted(rows.values(), key=lambda r: (r.day, r.variant), reverse=True),
        leader=stats.leader({v.key: (v.donations, v.impressions) for v in variants}),
        unconverted=tuple(sorted(unconverted)),
        totals=totals,
    )


def _add_donations(appeal, since, until, row, rates, goal_currency) -> set[str]:
    """Add each first payment's net to its day's row; return currencies unrated."""
    tz = timezone.get_default_timezone()  # the counters' days, not the editor's
    start = datetime.combine(since, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(until + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    unconverted = set()
    first = _first_payments(appeal, start, end)
    # What is left of each after refunds and disputes: the ledger's sum.
    net = dict(
        LedgerEntry.objects.filter(donation__in=first)
        .values("donation")
        .annotate(total=Sum("amount_minor"))
        .values_list("donation", "total")
    )
    for donation in first:
        left = net.get(donation.pk, 0)
        if left <= 0:
            continue  # refunded in full, or lost in a dispute
        line = row(timezone.localdate(donation.received_at, tz), donation.variant)
        line.donations += 1
        if donation.currency in rates:
            line.amount_minor += (
                Money(left, donation.currency)
                .convert(goal_currency, rates[donation.currency])
                .minor
            )
        else:
            unconverted.add(donation.currency)
    return unconverted


def _by_variant(appeal, rows, goal_currency):
    """Return each variant's results (removed ones too) and the appeal's totals."""
    by_key = {
        v.key: VariantResult(key=v.key, headline=v.headline, currency=goal_currency)
        for v in appeal.variants.all()
    }
    totals = VariantResult(currency=goal_currency)
    for line in rows:
        by_key.setdefault(
            line.variant,
            VariantResult(
                key=line.variant, headline="(variant removed)", currency=goal_currency
            ),
        ).add(line)
        totals.add(line)
    variants = sorted(by_key.values(), key=lambda v: (len(v.key), v.key))
    return variants, totals
