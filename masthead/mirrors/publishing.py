"""Publish the static export to every configured target (``MIRROR_TARGETS``).

One run exports the site into the working folder (incrementally: only what
changed is rewritten), then hands that folder to each target in turn. A
target that fails is recorded and the others go on; ``tasks.py`` retries it.
"""

import fcntl
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from masthead.mirrors.export import Report, export_site
from masthead.mirrors.models import PublishQueue, TargetStatus
from masthead.mirrors.targets import (
    PublishError,
    Result,
    Target,
    configured_targets,
)

logger = logging.getLogger(__name__)


@dataclass
class PublishReport:
    export: Report
    results: list[Result] = field(default_factory=list)

    @property
    def failed(self) -> list[Result]:
        return [result for result in self.results if not result.ok]


def working_folder() -> Path:
    """Where the export is kept between runs, so that each run is incremental."""
    return Path(settings.MIRRORS_PUBLISH_DIR) / "site"


@contextmanager
def _one_at_a_time() -> Iterator[None]:
    """Hold the working folder: a second run on this machine waits its turn."""
    folder = Path(settings.MIRRORS_PUBLISH_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _record(target: Target, result: Result) -> TargetStatus:
    now = timezone.now()
    status, _ = TargetStatus.objects.get_or_create(
        name=target.name, defaults={"state": TargetStatus.State.OK}
    )
    status.description = str(target)[:500]
    status.last_attempt_at = now
    status.message = result.summary()
    status.retry_at = None
    if result.ok:
        status.state = TargetStatus.State.OK
        status.failures = 0
        status.last_success_at = now
    else:
        status.state = TargetStatus.State.FAILED
        status.failures += 1
    status.save()
    return status


def site_publish(
    *,
    names: list[str] | None = None,
    export_progress: Callable[[int, int], None] | None = None,
    target_progress: Callable[[Target, int, int], None] | None = None,
    on_result: Callable[[Target, Result], None] | None = None,
) -> PublishReport:
    """Export the site and push it to the targets (``names``, or all of them).

    Raise ImproperlyConfigured before exporting anything if a target is
    broken. A target that fails gives a failed Result; the others still run.
    """
    targets = configured_targets()
    if names is not None:
        targets = [target for target in targets if target.name in names]
    with _one_at_a_time():
        folder = working_folder()
        report = PublishReport(export_site(folder, progress=export_progress))
        for target in targets:

            def progress(done: int, total: int, target: Target = target) -> None:
                if target_progress:
                    target_progress(target, done, total)

            try:
                result = target.publish(folder, progress=progress)
            # Any error of one target, ours or its SDK's, must not stop the others.
            except Exception as error:
                result = Result(
                    target.name, ok=False, message=str(error) or type(error).__name__
                )
                # A PublishError says all there is; anything else is a bug.
                logger.warning(
                    "Publishing to %s failed: %s",
                    target,
                    result.message,
                    exc_info=not isinstance(error, PublishError),
                )
            else:
                logger.info("Published to %s: %s", target, result.summary())
            _record(target, result)
            report.results.append(result)
            if on_result:
                on_result(target, result)
    return report


def targets_status() -> tuple[list[tuple[Target, TargetStatus | None]], object]:
    """Each configured target with its last status, and when a publish is due."""
    statuses = {status.name: status for status in TargetStatus.objects.all()}
    rows = [(target, statuses.get(target.name)) for target in configured_targets()]
    queue = PublishQueue.objects.filter(pk=1).first()
    return rows, queue.due_at if queue else None
