"""Background publishing: debounced after page publishes, retried with backoff."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from masthead.mirrors import publishing, services
from masthead.mirrors.models import PublishQueue, TargetStatus

logger = logging.getLogger(__name__)

# A waiting publish whose time passed this long ago was lost (its task
# queue was emptied, say): the next request queues a new one.
LOST_AFTER = timedelta(minutes=15)
MAX_BACKOFF = 3600


def _deferred(run_after: datetime):
    """The task to enqueue at ``run_after``, or now where the backend cannot wait."""
    if publish_site.get_backend().supports_defer:
        return publish_site.using(run_after=run_after)
    return publish_site


def publish_request(*, now: datetime | None = None) -> bool:
    """Ask for a publish soon; return whether this request queued one.

    The first request queues a run MIRRORS_PUBLISH_DEBOUNCE seconds later;
    the requests until that run starts join it, so a burst of publishes
    gives one export. Nothing is queued while no target is configured.
    """
    if not settings.MIRROR_TARGETS:
        return False
    now = now or timezone.now()
    run_after = now + timedelta(seconds=settings.MIRRORS_PUBLISH_DEBOUNCE)
    with transaction.atomic():
        queue, _ = PublishQueue.objects.select_for_update().get_or_create(pk=1)
        if queue.due_at is not None and queue.due_at > now - LOST_AFTER:
            return False
        queue.due_at = run_after
        queue.requested_at = now
        queue.save()
        transaction.on_commit(lambda: _deferred(run_after).enqueue(debounced=True))
    return True


def _claim() -> bool:
    """Take the waiting publish; False if another run took it first."""
    return bool(
        PublishQueue.objects.filter(pk=1, due_at__isnull=False).update(due_at=None)
    )


def _retry(names: list[str], attempt: int) -> None:
    """Queue another try of the failed targets, later each time, or give up."""
    if attempt > settings.MIRRORS_PUBLISH_RETRIES:
        logger.error(
            "Publishing to %s failed %d times: giving up until the next publish.",
            ", ".join(names),
            attempt,
        )
        return
    if not publish_site.get_backend().supports_defer:
        logger.error(
            "Publishing to %s failed; this task backend cannot retry later: "
            "run `masthead publish` again.",
            ", ".join(names),
        )
        return
    delay = min(settings.MIRRORS_PUBLISH_BACKOFF * 2 ** (attempt - 1), MAX_BACKOFF)
    retry_at = timezone.now() + timedelta(seconds=delay)
    TargetStatus.objects.filter(name__in=names).update(
        state=TargetStatus.State.RETRYING, retry_at=retry_at
    )
    logger.warning(
        "Publishing to %s failed; try %d in %d s.", ", ".join(names), attempt, delay
    )
    publish_site.using(run_after=retry_at).enqueue(names=names, attempt=attempt + 1)


@task()
def publish_site(
    names: list[str] | None = None, attempt: int = 1, debounced: bool = False
) -> dict[str, bool]:
    """Export and push to the targets; queue a retry of those that failed."""
    if debounced and not _claim():
        return {}
    report = publishing.site_publish(names=names)
    failed = [result.target for result in report.failed]
    if failed:
        _retry(failed, attempt)
    return {result.target: result.ok for result in report.results}


def worker_round() -> None:
    """The mirrors' part of every `masthead worker` round.

    What changes by date alone, a deprecated mirror's retirement day, is
    written to the registry here, which queues the publish that carries it to
    the static copies; no cron line is needed.
    """
    for mirror in services.mirrors_retire_due(today=timezone.localdate()):
        logger.info("Mirror %s reached its retirement day: retired.", mirror.url)
