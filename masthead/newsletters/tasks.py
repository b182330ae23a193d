"""Background work of the newsletters."""

from datetime import datetime

from django.utils import timezone
from django_tasks import task

from masthead.newsletters import services
from masthead.newsletters.models import Edition


@task()
def request_subscription(email: str, newsletter_ids: list[int], language: str) -> bool:
    """Queued by every sign-up alike, so the request takes the same time for all."""
    return services.subscription_request(
        email=email, newsletter_ids=newsletter_ids, language=language
    )


@task()
def send_edition_batch(edition_id: int) -> int:
    """Send one batch; queue the next while some remain."""
    remaining = services.edition_send_batch(edition_id=edition_id)
    if remaining:
        send_edition_batch.enqueue(edition_id=edition_id)
    return remaining


def worker_round(*, now: datetime | None = None) -> dict[str, int]:
    """What ``masthead worker`` does every round for the newsletters.

    Builds due digests, starts scheduled editions, gives back the claims of
    a worker that died, and sends a batch of every edition in progress, so a
    send resumes where it stopped whatever the task backend.
    """
    now = now or timezone.now()
    started = services.editions_due(now=now)
    sending = list(
        Edition.objects.filter(status=Edition.Status.SENDING).values_list(
            "pk", flat=True
        )
    )
    remaining = 0
    for edition_id in sending:
        services.deliveries_release_stale(edition_id=edition_id, now=now)
        remaining += services.edition_send_batch(edition_id=edition_id, now=now)
    return {"started": started, "sending": len(sending), "remaining": remaining}
