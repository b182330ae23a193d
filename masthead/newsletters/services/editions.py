"""Editions: building digests and starting a send."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation

from masthead.news.models import ArticlePage
from masthead.newsletters.models import (
    Edition,
    EditionArticle,
    Newsletter,
    Schedule,
)
from masthead.newsletters.services.sending import edition_send_start

# Editions -----------------------------------------------------------------


def digest_articles(*, newsletter: Newsletter, start: datetime, end: datetime):
    """The listed articles of its language published in [start, end): live,
    with no view restriction, as every listing."""
    return (
        ArticlePage.objects.listed()
        .filter(
            language=newsletter.language,
            first_published_at__gte=start,
            first_published_at__lt=end,
        )
        .order_by("first_published_at", "pk")
    )


def _digest_due(newsletter: Newsletter, now: datetime) -> datetime | None:
    """When today's digest of ``newsletter`` was due, if it is due by ``now``."""
    local = timezone.localtime(now, timezone.get_default_timezone())
    if newsletter.schedule == Schedule.WEEKLY and local.weekday() != newsletter.weekday:
        return None
    due = local.replace(
        hour=newsletter.send_time.hour,
        minute=newsletter.send_time.minute,
        second=0,
        microsecond=0,
    )
    return due if due <= local else None


def digest_build(*, newsletter: Newsletter, now: datetime) -> Edition | None:
    """Build today's digest of ``newsletter`` once, if it is due and has articles."""
    due = _digest_due(newsletter, now)
    if due is None:
        return None
    days = 7 if newsletter.schedule == Schedule.WEEKLY else 1
    day = due.date()
    if Edition.objects.filter(newsletter=newsletter, digest_date=day).exists():
        return None
    articles = list(
        digest_articles(
            newsletter=newsletter, start=due - timedelta(days=days), end=due
        )
    )
    with translation.override(newsletter.language):
        subject = f"{newsletter.name}: {day:%Y-%m-%d}"
    with transaction.atomic():
        edition, created = Edition.objects.get_or_create(
            newsletter=newsletter,
            digest_date=day,
            defaults={"subject": subject, "slug": f"{day:%Y-%m-%d}"},
        )
        if not created:
            return None
        for order, article in enumerate(articles):
            EditionArticle.objects.create(
                edition=edition, article=article, sort_order=order
            )
    if not articles:
        return None  # kept as a draft, so the day is not built again
    edition_send_start(edition=edition, now=now)
    return edition


def editions_due(*, now: datetime) -> int:
    """Build due digests and start scheduled editions; return how many started."""
    started = 0
    for newsletter in Newsletter.objects.exclude(schedule=Schedule.MANUAL):
        if digest_build(newsletter=newsletter, now=now):
            started += 1
    for edition in Edition.objects.filter(
        status=Edition.Status.SCHEDULED, send_at__lte=now
    ):
        edition_send_start(edition=edition, now=now)
        started += 1
    return started
