"""What the site-wide key of the export holds, besides the page tree.

Every page shows the mirrors, the appeals and their goal meter, and the
newsletters' sign-up: the rows of those apps are in the key of every page
(``generations.site_wide``), except the rows that no page shows. The mirrors'
publish queue and target status change on every publish, the appeals' daily
counts on every reader's visit, the subscribers with every sign-up: with them
in the key, every export after a publish rendered every page again.

The money behind the goal meter is in the key as the meter shows it (this
month's total, supporters, goal), not as the donations and webhook rows that
add up to it. What changes with time alone is in the key too: the mirrors
served today (a deprecated mirror retires on its day) and the appeals live
now (one begins, or ends, at its time).
"""

import hashlib
from datetime import datetime

from django.apps import apps
from django.db import models
from django.db.models import Q

from masthead.appeals.models import Appeal
from masthead.appeals.selectors import START_LEAD
from masthead.funding.selectors import goal_progress
from masthead.mirrors.models import Mirror

SITE_WIDE_APPS = ("appeals", "funding", "mirrors", "newsletters")
# Rows that no page shows; a model not named here is in the key.
NOT_SHOWN = frozenset(
    {
        "appeals.DailyCount",  # the admin's statistics
        "mirrors.PublishQueue",  # publishing's own bookkeeping
        "mirrors.TargetStatus",
        "newsletters.Subscriber",  # readers' addresses
        "newsletters.Subscription",
        "newsletters.Delivery",
        # The money, shown only as the goal meter's figures (in the key).
        "funding.Donor",
        "funding.ProviderCustomer",
        "funding.DonationIntent",
        "funding.RecurringDonation",
        "funding.Donation",
        "funding.LedgerEntry",
        "funding.ProviderEvent",
        "funding.ReconcileRun",
        "funding.SignInToken",
    }
)
# Rows shown by a few pages only, which are keyed by them instead
# (``generations.newsletter_keys``): a newsletter sent must not render
# every page again.
KEYED_APART = frozenset({"newsletters.Edition", "newsletters.EditionArticle"})
# Columns of shown tables that no page shows, and that change often.
HIDDEN_COLUMNS = {
    "newsletters.Newsletter": {
        "unsubscribed_count",
        "bounced_count",
        "complained_count",
    }
}


def shown_models() -> list[type[models.Model]]:
    """The models of the site-wide apps whose rows pages show."""
    return [
        model
        for label in SITE_WIDE_APPS
        if apps.is_installed(f"masthead.{label}")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label not in NOT_SHOWN | KEYED_APART
    ]


def shown_columns(model: type[models.Model]) -> list[str]:
    hidden = HIDDEN_COLUMNS.get(model._meta.label, set())
    return [f.attname for f in model._meta.concrete_fields if f.name not in hidden]


def of_the_moment(now: datetime) -> tuple:
    """What pages show that changes with time: mirrors served today, appeals
    live now (or starting within the lead they are rendered with), the meter."""
    # From the rows, not the selectors' snapshot, which may be older.
    today = now.date()
    served = sorted(m.pk for m in Mirror.objects.all() if m.is_served(today))
    live = Appeal.objects.filter(active=True)
    live = live.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    live = live.filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now + START_LEAD))
    return (
        served,
        sorted(live.values_list("pk", flat=True)),
        repr(goal_progress()),
    )


def digest(*parts: object) -> str:
    """A short hash of ``parts`` (their repr): what a key is made of."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
