"""The demo newsroom's appeals: a banner, an end-of-article appeal with two
variants, and an inline appeal, with two weeks of made-up daily counts so
that the results page has something to show.

Idempotent: appeals are found by key and counts by (appeal, variant, day).
An appeal the team has edited since is left as it is.
"""

import random
from datetime import timedelta

from django.utils import timezone

from masthead.appeals.factories import appeal_build
from masthead.appeals.models import Appeal, DailyCount, Placement
from masthead.funding.models import Frequency

APPEALS = [
    {
        "key": "banner",
        "name": "Banner: we switched off the ads",
        "placement": Placement.BANNER,
        "priority": 10,
        "min_articles": 2,
        "show_goal_meter": False,
        "remind_label": "Not now",
        "supporter_label": "I already give",
        "variants": [
            {
                "key": "A",
                "headline": "We switched off every ad. Running The Lantern "
                "costs {goal} a month.",
                "body": "<p>No advertiser, owner or government pays for our "
                "reporting. Readers do, and they have covered {percent} of "
                "this month so far. If you read us often, help us cover the "
                "rest.</p>",
                "button_label": "Support us",
                "frequency": Frequency.MONTHLY,
                "amount": 5,
            }
        ],
    },
    {
        "key": "end-of-article",
        "name": "End of article: a small favour",
        "placement": Placement.END,
        "priority": 5,
        "remind_label": "Not ready to support today? Remind me later",
        "variants": [
            {
                "key": "A",
                "headline": "Before you go: a small favour",
                "body": "<p>The Lantern is written by journalists who had to "
                "leave Nordavia to keep reporting on it. We carry no ads and "
                "track no one, so the only people we answer to are our "
                "readers.</p><p>Support us monthly, starting from just $2, and "
                "keep these stories free for everyone who cannot pay.</p>",
                "button_label": "Support us monthly",
                "frequency": Frequency.MONTHLY,
                "amount": 2,
            },
            {
                "key": "B",
                "headline": "This story reached you because readers paid for it",
                "body": "<p>Every article here is free to read, in Nordavia and "
                "beyond, and it will stay that way. That works only if some of "
                "the readers who can give, do: so far this month they have "
                "given {raised} of the {goal} it costs. A single gift helps as "
                "much as you might think.</p>",
                "button_label": "Give once",
                "frequency": Frequency.ONE_TIME,
                "amount": 10,
            },
        ],
    },
    {
        "key": "inline",
        "name": "Inline: paid for by readers",
        "placement": Placement.INLINE,
        "inline_after": 4,
        "min_articles": 3,
        "show_goal_meter": False,
        "variants": [
            {
                "key": "A",
                "headline": "Reporting like this is paid for by readers",
                "body": "<p>Our reporters work from exile and through people "
                "they trust at home. Your support keeps them on the story.</p>",
                "button_label": "Give $5 a month",
                "frequency": Frequency.MONTHLY,
                "amount": 5,
            }
        ],
    },
]

# Per variant, per day: impressions, then clicks, snoozes and "already
# support" per thousand impressions. Sized for the donations the funding demo
# credits to each variant (about 8 a day to the banner, 5 and 3 to the
# end-of-article A and B): 0.5-1% of readers click, 5-10% of those give.
RATES = {
    ("banner", "A"): (12_000, 9, 60, 3),
    ("end-of-article", "A"): (6_000, 14, 30, 4),
    ("end-of-article", "B"): (6_000, 10, 35, 4),
    ("inline", "A"): (3_000, 5, 20, 2),
}
DAYS = 14


def build() -> list[Appeal]:
    """Create the demo appeals that are missing; edits made since are kept."""
    appeals = []
    for spec in APPEALS:
        appeal = Appeal.objects.filter(key=spec["key"]).first()
        if appeal is None:
            appeal = appeal_build(**spec)
        appeals.append(appeal)
    _counts(appeals)
    return appeals


def _counts(appeals: list[Appeal]) -> None:
    """Daily totals with some noise, the same on every run."""
    noise = random.Random(7)  # noqa: S311 - demo figures, not security
    today = timezone.localdate()
    for appeal in appeals:
        for variant in appeal.variants.all():
            if (appeal.key, variant.key) not in RATES:
                continue  # a variant the team added: no made-up history
            impressions, clicks, snoozes, supporters = RATES[(appeal.key, variant.key)]
            for back in range(DAYS):
                seen = int(impressions * noise.uniform(0.8, 1.2))
                counts = {
                    name: round(seen * rate * noise.uniform(0.85, 1.15) / 1000)
                    for name, rate in (
                        ("clicks", clicks),
                        ("snoozes", snoozes),
                        ("supporters", supporters),
                    )
                }
                DailyCount.objects.get_or_create(
                    appeal=appeal,
                    variant=variant.key,
                    day=today - timedelta(days=back),
                    defaults={"impressions": seen, **counts},
                )
