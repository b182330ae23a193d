"""The demo newsroom's newsletters: a daily digest and breaking news, a few
fictional readers (at example.org, where no mail is delivered) and one
edition already sent.

Idempotent: newsletters are found by slug, readers by address, and the sent
edition is made once.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from masthead.mirrors.models import Mirror
from masthead.news.models import ArticlePage
from masthead.newsletters.models import (
    Delivery,
    Edition,
    EditionArticle,
    Newsletter,
    Schedule,
    Subscriber,
    Subscription,
)

NEWSLETTERS = [
    {
        "slug": "daily",
        "name": "The Lantern Daily",
        "description": "Every morning at seven: the day's stories, where to read them.",
        "schedule": Schedule.DAILY,
        "send_time": "07:00",
    },
    {
        "slug": "breaking",
        "name": "Lantern Breaking",
        "description": "Only when something big happens; a few times a month.",
        "schedule": Schedule.MANUAL,
        "full_text": True,
    },
]
READERS = 24  # confirmed, on the daily; every third on breaking news too
WAITING = 3  # signed up, never clicked the link


def build() -> list[Newsletter]:
    """Create what is missing of the demo newsletters; return them."""
    mirror = Mirror.objects.filter(url="https://lantern-news.mirror.example").first()
    newsletters = []
    with transaction.atomic():
        for fields in NEWSLETTERS:
            defaults = {key: value for key, value in fields.items() if key != "slug"}
            if fields["slug"] == "breaking":
                # Breaking news goes to readers who may not reach the main domain.
                defaults["link_mirror"] = mirror
            newsletter, _ = Newsletter.objects.get_or_create(
                slug=fields["slug"], defaults=defaults
            )
            newsletters.append(newsletter)
        daily, breaking = newsletters
        confirmed_at = timezone.now() - timedelta(days=30)
        for n in range(READERS + WAITING):
            waiting = n >= READERS
            subscriber, _ = Subscriber.objects.get_or_create(
                email=f"reader{n + 1}@example.org",
                defaults={
                    "language": daily.language,
                    "confirmed_at": None if waiting else confirmed_at,
                },
            )
            lists = [daily] + ([breaking] if n % 3 == 0 else [])
            for newsletter in lists:
                Subscription.objects.get_or_create(
                    subscriber=subscriber,
                    newsletter=newsletter,
                    defaults={"confirmed_at": None if waiting else confirmed_at},
                )
        _sent_edition(daily)
    return newsletters


def _sent_edition(newsletter: Newsletter) -> None:
    if newsletter.editions.filter(slug="welcome").exists():
        return
    articles = list(
        ArticlePage.objects.live().order_by("-first_published_at", "-pk")[:3]
    )
    sent_at = timezone.now() - timedelta(days=1)
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject="The Lantern Daily: our first edition",
        slug="welcome",
        introduction=(
            "Good morning. This is the first Lantern Daily: three stories from "
            "yesterday, the addresses that work when ours is blocked, and how "
            "the month's costs stand. Reply to this email to reach the desk."
        ),
        status=Edition.Status.SENT,
        started_at=sent_at,
        sent_at=sent_at,
    )
    for order, article in enumerate(articles):
        EditionArticle.objects.create(
            edition=edition, article=article, sort_order=order
        )
    # Recorded as sent, not sent: the demo readers are fictional.
    Delivery.objects.bulk_create(
        Delivery(
            edition=edition,
            subscriber_id=subscription.subscriber_id,
            status=Delivery.Status.SENT,
            claimed_at=sent_at,
            sent_at=sent_at,
        )
        for subscription in newsletter.subscriptions.filter(confirmed_at__isnull=False)
    )
