"""Sending an edition: claims, the hourly cap, one message per delivery."""

import logging
import os
import secrets
import smtplib
import socket
from contextlib import contextmanager
from datetime import datetime, timedelta

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core import mail
from django.db import connection as db
from django.utils import timezone

from masthead.newsletters.models import (
    Delivery,
    Edition,
    Subscription,
)
from masthead.newsletters.rendering import render_edition
from masthead.newsletters.services.messages import (
    _PREFERENCES,
    _UNSUBSCRIBE,
    Template,
    delivery_email,
)

logger = logging.getLogger(__name__)


def edition_schedule(*, edition: Edition, send_at: datetime) -> None:
    Edition.objects.filter(pk=edition.pk, status=Edition.Status.DRAFT).update(
        status=Edition.Status.SCHEDULED, send_at=send_at
    )


def edition_send_start(*, edition: Edition, now: datetime | None = None) -> int:
    """Make one delivery per confirmed subscriber; return how many were made.

    Safe to call twice: the deliveries are unique per subscriber, and an
    edition already sending or sent is left as it is.
    """
    now = now or timezone.now()
    started = Edition.objects.filter(
        pk=edition.pk, status__in=[Edition.Status.DRAFT, Edition.Status.SCHEDULED]
    ).update(status=Edition.Status.SENDING, started_at=now)
    if not started:
        return 0
    subscriber_ids = Subscription.objects.filter(
        newsletter_id=edition.newsletter_id,
        confirmed_at__isnull=False,
        subscriber__bounced_at__isnull=True,
        subscriber__complained_at__isnull=True,
    ).values_list("subscriber_id", flat=True)
    made = 0
    batch = []
    for subscriber_id in subscriber_ids.iterator(chunk_size=2000):
        batch.append(Delivery(edition_id=edition.pk, subscriber_id=subscriber_id))
        if len(batch) == 1000:
            made += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    made += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
    return made


def edition_send_test(*, edition: Edition, email: str) -> None:
    """Send ``edition`` to one address, as subscribers get it; record nothing."""
    rendered = render_edition(edition)
    message = mail.EmailMultiAlternatives(
        subject=f"[TEST] {rendered.subject}",
        body=rendered.text,
        from_email=edition.newsletter.from_email,
        to=[email],
    )
    message.attach_alternative(rendered.html, "text/html")
    message.send()


def _worker_claim() -> str:
    """A claim naming this process, so a restart can tell it is gone."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(8)}"


def _claim_is_dead(claim: str) -> bool:
    """Whether ``claim`` was made by a process of this machine that has exited."""
    host, _, rest = claim.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname()[:60] or not pid.isdigit():
        return False  # another machine's worker: only the timeout can tell
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def sent_in_the_last_hour(*, now: datetime) -> int:
    """Messages claimed for sending in the 60 minutes before ``now``.

    Counted from the deliveries themselves, so the cap never resets because
    a worker restarted or a cache entry expired.
    """
    return Delivery.objects.filter(
        claimed_at__gt=now - timedelta(hours=1), claimed_at__lte=now
    ).count()


def _allowance(size: int, now: datetime) -> int:
    cap = settings.NEWSLETTERS_MAX_PER_HOUR
    if not cap:
        return size
    return max(0, min(size, cap - sent_in_the_last_hour(now=now)))


def _claim(edition_id: int, size: int, now: datetime) -> list[Delivery]:
    """Claim up to ``size`` pending deliveries for this process.

    One UPDATE that re-checks the status: two workers racing for the same
    rows each get their own (PostgreSQL re-evaluates the condition on the
    row it waited for; SQLite runs writers one at a time).
    """
    if size <= 0:
        return []
    claim = _worker_claim()
    pending = Delivery.objects.filter(
        edition_id=edition_id, status=Delivery.Status.PENDING
    ).order_by("pk")
    Delivery.objects.filter(
        pk__in=list(pending.values_list("pk", flat=True)[:size]),
        status=Delivery.Status.PENDING,
    ).update(status=Delivery.Status.CLAIMED, claim=claim, claimed_at=now)
    return list(
        Delivery.objects.filter(claim=claim, status=Delivery.Status.CLAIMED)
        .select_related("subscriber")
        .order_by("pk")
    )


def _release(deliveries) -> int:
    return deliveries.update(status=Delivery.Status.PENDING, claim="", claimed_at=None)


def deliveries_release_stale(*, edition_id: int, now: datetime) -> int:
    """Give back the deliveries claimed by a worker that is gone.

    A claim names its worker's machine and process: a claim of a process of
    this machine that has exited is given back at once; one of another
    machine after ``NEWSLETTERS_CLAIM_TIMEOUT``. A worker sends its claimed
    rows in order and marks each sent as soon as the server accepts it, so
    of a dead claim only the first row still claimed can have reached the
    server (accepted in the instant before the crash): it goes out again
    with the same Message-ID. Every other row was never attempted. (On
    PostgreSQL the marks are committed without waiting for the disk, see
    ``_commits_not_waited_for``: a crash of the database server, not of the
    worker, can also send the last few marked rows again, same Message-ID.)
    """
    claimed = Delivery.objects.filter(
        edition_id=edition_id, status=Delivery.Status.CLAIMED
    )
    stale = now - timedelta(seconds=settings.NEWSLETTERS_CLAIM_TIMEOUT)
    released = _release(claimed.filter(claimed_at__lt=stale))
    for claim in set(claimed.values_list("claim", flat=True)):
        if _claim_is_dead(claim):
            released += _release(claimed.filter(claim=claim))
    if released:
        logger.warning(
            "Newsletter edition %s: %s deliveries of a stopped worker given back; "
            "at most one per stopped worker may have been accepted already and "
            "goes out again with the same Message-ID",
            edition_id,
            released,
        )
    return released


# The server refused this one address: not retried.
_REFUSED = (smtplib.SMTPRecipientsRefused, AnymailRecipientsRefused)
# The server, the service or the network is down (smtplib's errors are
# OSErrors too): give the rest of the batch back for the next round.
_CONNECTION_ERRORS = (OSError, AnymailError)


def edition_send_batch(*, edition_id: int, now: datetime | None = None) -> int:
    """Send one batch of an edition's deliveries; return how many can go now.

    Each delivery is claimed before it is sent and marked sent right after,
    one connection to the mail server for the batch. Return 0 when the
    hourly cap (``NEWSLETTERS_MAX_PER_HOUR``) is reached: the worker's
    rounds resume the send as the hour moves on.
    """
    now = now or timezone.now()
    edition = Edition.objects.select_related(
        "newsletter", "newsletter__link_mirror"
    ).get(pk=edition_id)
    if edition.status != Edition.Status.SENDING:
        return 0
    deliveries = _claim(
        edition_id, _allowance(settings.NEWSLETTERS_BATCH_SIZE, now), now
    )
    if deliveries and not _send(edition, deliveries):
        return 0  # no server: the worker's next round tries again
    pending = Delivery.objects.filter(
        edition_id=edition_id, status=Delivery.Status.PENDING
    )
    if (
        not pending.exists()
        and not Delivery.objects.filter(
            edition_id=edition_id, status=Delivery.Status.CLAIMED
        ).exists()
    ):
        Edition.objects.filter(pk=edition_id, status=Edition.Status.SENDING).update(
            status=Edition.Status.SENT, sent_at=timezone.now()
        )
    if _allowance(1, now) == 0:
        return 0
    return pending.count()


def _send(edition: Edition, deliveries: list[Delivery]) -> bool:
    """Send claimed deliveries; False if the server went away (rest given back)."""
    # Rendered once a batch: only the unsubscribe link differs per reader.
    rendered = render_edition(
        edition, unsubscribe_url=_UNSUBSCRIBE, preferences_url=_PREFERENCES
    )
    connection = mail.get_connection()
    try:
        connection.open()
        try:
            template = Template.build(edition, rendered, connection)
        except Exception:  # each message is then built whole, and fails alone
            logger.exception("Newsletter edition %s: no template", edition.pk)
            template = None
        with _commits_not_waited_for():
            for index, delivery in enumerate(deliveries):
                try:
                    status = _deliver(edition, rendered, template, delivery, connection)
                except _CONNECTION_ERRORS:
                    logger.exception(
                        "Newsletter edition %s: the mail server went away",
                        edition.pk,
                    )
                    _release(
                        Delivery.objects.filter(
                            pk__in=[d.pk for d in deliveries[index:]],
                            claim=delivery.claim,
                        )
                    )
                    return False
                # Marked as soon as the server accepted it: of a worker
                # killed mid-batch, only this row can be accepted unmarked.
                Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(
                    status=status, sent_at=timezone.now()
                )
    except _CONNECTION_ERRORS:
        logger.exception("Newsletter edition %s: no mail server", edition.pk)
        _release(
            Delivery.objects.filter(
                pk__in=[d.pk for d in deliveries], status=Delivery.Status.CLAIMED
            )
        )
        return False
    finally:
        connection.close()
    return True


def _deliver(edition, rendered, template, delivery, connection) -> str:
    """Send one delivery; return its status. Connection errors propagate."""
    subscriber = delivery.subscriber
    if subscriber.bounced_at or subscriber.complained_at:
        return Delivery.Status.SUPPRESSED
    try:
        ready = template.message(delivery) if template else None
        if ready is None:
            delivery_email(edition, rendered, delivery, connection).send()
        else:
            email, data = ready
            # What Django's SMTP backend does with a message, minus building it.
            connection.connection.sendmail(template.from_email, [email], data)
    except _REFUSED:
        logger.warning("Newsletter delivery %s refused", delivery.pk)
        return Delivery.Status.FAILED
    except _CONNECTION_ERRORS:
        raise
    except Exception:
        logger.exception("Newsletter delivery %s failed", delivery.pk)
        return Delivery.Status.FAILED
    return Delivery.Status.SENT


@contextmanager
def _commits_not_waited_for():
    """On PostgreSQL, let this session's commits return before the WAL flush.

    The per-message row updates then cost a round trip, not a disk flush. A
    worker killed mid-send loses nothing by it (the server still writes every
    commit); only a crash of the database server itself can lose the last
    few hundred milliseconds of updates (``wal_writer_delay``): those
    deliveries are found claimed by a dead worker and go out again, with the
    Message-ID of the first attempt, which receivers dedupe on.
    """
    if db.vendor != "postgresql":
        yield
        return
    with db.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    try:
        yield
    finally:
        with db.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO DEFAULT")
