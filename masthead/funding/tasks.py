"""Background work of reader funding."""

from datetime import datetime

from django.db import transaction
from django_tasks import task

from masthead.funding import notifications, services
from masthead.funding.models import ProviderEvent


@task()
def process_provider_event(event_id: int) -> bool:
    processed = services.provider_event_process(event_id=event_id)
    if processed:
        # What waited for this event (a refund for its payment) is due now.
        services.events_retry_due()
        transaction.on_commit(send_notifications.enqueue)
    return processed


@task()
def send_sign_in_link(donor_id: int | None, base_url: str = "") -> bool:
    """Email a sign-in link; ``None`` (an address we do not know) sends nothing.

    The request enqueues this task for every address alike, so it takes the
    same time whether or not the address gave.
    """
    if donor_id is None:
        return False
    return services.sign_in_link_send(donor_id=donor_id, base_url=base_url)


@task()
def send_notifications() -> int:
    return notifications.notifications_send_pending()


def process_after_commit(event: ProviderEvent) -> None:
    """Queue a stored event for processing once its row is committed."""
    if event.processed_at is None:
        event_id = event.pk
        transaction.on_commit(lambda: process_provider_event.enqueue(event_id=event_id))


def worker_round(*, now: datetime | None = None) -> dict[str, int]:
    """What the worker does on every round: retries, reconcile, emails.

    Run by ``masthead worker`` directly, whatever the task backend, so that
    events that were not ready, missed webhooks and the receipts of payments
    recorded by any path are taken care of without anyone.
    """
    retried = services.events_retry_due(now=now)
    reconciled = services.funding_reconcile_if_due(now=now)
    sent = notifications.notifications_send_pending()
    return {
        "retried": retried,
        "reconciled": reconciled.processed if reconciled else 0,
        "emails": sent,
    }
