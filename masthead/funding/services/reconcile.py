"""Reconciliation: what the providers know that the ledger missed.

The worker runs it on a schedule (``FUNDING_RECONCILE``), so a server that
was down for hours converges without anyone; ``masthead funding_reconcile``
runs it by hand. Everything it does is idempotent.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from masthead.funding.models import ProviderEvent, ReconcileRun
from masthead.funding.providers import get_provider
from masthead.funding.providers.base import ProviderError
from masthead.funding.services.events import (
    provider_event_process,
    provider_event_record,
)

logger = logging.getLogger(__name__)

# Runs are kept this long, for the team to see what each found.
KEEP_RUNS = timedelta(days=90)
# Passes over what is still not ready: an event listed before the one it
# needs is applied in the next pass of the same run.
PASSES = 5


@dataclass
class ReconcileReport:
    listed: int = 0
    new: int = 0
    processed: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)


def _by_creation(events: list) -> list:
    """Sort by the provider's creation time; a stable sort keeps ties in order."""
    return sorted(events, key=lambda raw: raw.created.timestamp() if raw.created else 0)


def funding_reconcile(
    *, since: datetime, progress=lambda message: None, now: datetime | None = None
) -> ReconcileReport:
    """Fetch providers' events since ``since`` and apply any that were missed.

    Missed events are stored and processed in the order the provider created
    them. Events stored earlier but never processed (a crash, a refund that
    came before its payment) are retried too; events of a provider that is
    no longer configured are skipped with a warning.
    """
    report = ReconcileReport()
    run = ReconcileRun.objects.create(started_at=now or timezone.now(), since=since)
    problems = []
    for name in settings.FUNDING_PROVIDERS:
        provider = get_provider(name)
        try:
            listed = _by_creation(list(provider.list_events(since)))
        except ProviderError as error:
            progress(f"{name}: {error}")
            if provider.lists_events:
                logger.warning("Reconcile could not list %s's events: %s", name, error)
                problems.append(f"{name}: {error}")
            continue
        for raw in listed:
            report.listed += 1
            _, created = provider_event_record(provider=name, raw=raw)
            report.new += created
            if report.listed % 50 == 0:
                progress(f"{name}: {report.listed} events listed")
    pending = ProviderEvent.objects.filter(processed_at__isnull=True).filter(
        Q(received_at__gte=since) | Q(created_at__gte=since)
    )
    for event in pending.exclude(provider__in=list(settings.FUNDING_PROVIDERS)):
        logger.warning(
            "Provider event %s:%s skipped: no provider %r is configured",
            event.provider,
            event.event_id,
            event.provider,
        )
        report.skipped += 1
    todo = list(
        pending.filter(provider__in=list(settings.FUNDING_PROVIDERS))
        .order_by(F("created_at").asc(nulls_first=True), "received_at", "pk")
        .values_list("pk", flat=True)
    )
    for _ in range(PASSES):
        left = []
        for number, event_id in enumerate(todo, start=1):
            if provider_event_process(event_id=event_id):
                report.processed += 1
            else:
                left.append(event_id)
            progress(f"Processing {number}/{len(todo)}")
        if len(left) == len(todo):
            break  # nothing more became ready
        todo = left
    for event in ProviderEvent.objects.filter(pk__in=todo).order_by("pk"):
        report.failed.append(f"{event.provider}:{event.event_id} {event.error}")
    run.finished_at = timezone.now()
    run.listed, run.new, run.processed = report.listed, report.new, report.processed
    run.failed = len(report.failed)
    run.problems = "\n".join(problems + report.failed)[:10_000]
    run.save()
    ReconcileRun.objects.filter(started_at__lt=run.started_at - KEEP_RUNS).delete()
    return report


def funding_reconcile_if_due(*, now: datetime | None = None) -> ReconcileReport | None:
    """Reconcile over the last days when the last run is older than the interval.

    ``FUNDING_RECONCILE``: ``EVERY`` seconds (0 turns it off) over the last
    ``DAYS`` days, which is how long Stripe keeps retrying a webhook.
    """
    config = settings.FUNDING_RECONCILE
    every = timedelta(seconds=config["EVERY"])
    if not every:
        return None
    now = now or timezone.now()
    last = ReconcileRun.objects.order_by("-started_at").first()
    if last is not None and last.started_at > now - every:
        return None
    return funding_reconcile(since=now - timedelta(days=config["DAYS"]), now=now)
