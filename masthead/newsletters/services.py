"""Writes of the newsletters: sign-up, confirmation, unsubscribe, sending."""

import hashlib
import logging
import os
import secrets
import smtplib
import socket
from datetime import datetime, timedelta
from email.utils import parseaddr

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from masthead import ratelimit
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
from masthead.newsletters.rendering import base_url, render_edition

logger = logging.getLogger(__name__)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Sign-up and confirmation -------------------------------------------------


def subscription_request(
    *, email: str, newsletter_ids: list[int], language: str
) -> bool:
    """Record the lists ``email`` asks for; email a confirmation link if due.

    Run from a task for every sign-up alike, known address or not, so that
    the request says nothing about who subscribed. At most one confirmation
    per address per ``NEWSLETTERS_CONFIRM_LIMIT["WINDOW"]``: nobody can flood
    someone else's inbox through the form. Return whether one was sent.
    """
    email = email.strip().lower()
    newsletters = list(Newsletter.objects.filter(pk__in=newsletter_ids))
    if not newsletters:
        return False
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language}
        )
        for newsletter in newsletters:
            Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter=newsletter
            )
        pending = list(
            subscriber.subscriptions.filter(confirmed_at__isnull=True).select_related(
                "newsletter"
            )
        )
    if not pending:
        return False  # every list already confirmed: nothing to ask
    limit = settings.NEWSLETTERS_CONFIRM_LIMIT
    if not ratelimit.hit(
        "newsletter-confirm", email, limit=limit["PER_EMAIL"], window=limit["WINDOW"]
    ):
        return False
    token = secrets.token_urlsafe(32)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        token_hash=_hash(token), token_created_at=timezone.now()
    )
    site = settings.SITE_URL.rstrip("/")
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "newsletters": [subscription.newsletter for subscription in pending],
        "confirm_url": f"{site}/newsletters/confirm/{token}/",
        "hours": settings.NEWSLETTERS_CONFIRM_MAX_AGE // 3600,
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string("newsletters/email/confirm_subject.txt", context)
        body = render_to_string("newsletters/email/confirm.txt", context)
    mail.send_mail(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [email]
    )
    return True


def subscriber_for_token(token: str) -> Subscriber | None:
    """The subscriber a live confirmation token belongs to, or None."""
    if not token or len(token) > 100:
        return None
    oldest = timezone.now() - timedelta(seconds=settings.NEWSLETTERS_CONFIRM_MAX_AGE)
    return Subscriber.objects.filter(
        token_hash=_hash(token), token_created_at__gte=oldest
    ).first()


def subscription_confirm(*, token: str) -> Subscriber | None:
    """Confirm every list the token's subscriber asked for; the token is spent."""
    with transaction.atomic():
        subscriber = subscriber_for_token(token)
        if subscriber is None:
            return None
        # Spend the token first: a second use of the link finds nothing.
        spent = Subscriber.objects.filter(
            pk=subscriber.pk, token_hash=subscriber.token_hash
        ).update(token_hash="", token_created_at=None)
        if not spent:
            return None
        now = timezone.now()
        subscriber.subscriptions.filter(confirmed_at__isnull=True).update(
            confirmed_at=now
        )
        # Confirming again is a reader asking for mail again, after a
        # bounce (a mailbox that works again) or a complaint.
        subscriber.confirmed_at = subscriber.confirmed_at or now
        subscriber.bounced_at = subscriber.complained_at = None
        subscriber.save(update_fields=["confirmed_at", "bounced_at", "complained_at"])
    return subscriber


# Unsubscribe: a signed link, nothing stored --------------------------------


def _unsubscribe_signature(subscriber_id: int, email: str, newsletter_id: int) -> str:
    return salted_hmac(
        "masthead.newsletters.unsubscribe",
        f"{subscriber_id}:{email}:{newsletter_id}",
        algorithm="sha256",
    ).hexdigest()[:32]


def unsubscribe_path(subscriber: Subscriber, newsletter: Newsletter) -> str:
    signature = _unsubscribe_signature(subscriber.pk, subscriber.email, newsletter.pk)
    return f"/newsletters/unsubscribe/{subscriber.pk}/{newsletter.slug}/{signature}/"


def subscription_for_unsubscribe(
    *, subscriber_id: int, newsletter_slug: str, signature: str
) -> Subscription | None:
    subscription = (
        Subscription.objects.select_related("subscriber", "newsletter")
        .filter(subscriber_id=subscriber_id, newsletter__slug=newsletter_slug)
        .first()
    )
    if subscription is None:
        return None
    expected = _unsubscribe_signature(
        subscription.subscriber_id,
        subscription.subscriber.email,
        subscription.newsletter_id,
    )
    return subscription if constant_time_compare(expected, signature) else None


def subscription_cancel(*, subscription: Subscription) -> None:
    """Unsubscribe; an address left on no list is deleted with every row about it."""
    with transaction.atomic():
        deleted, _ = Subscription.objects.filter(pk=subscription.pk).delete()
        if deleted and subscription.confirmed_at:
            Newsletter.objects.filter(pk=subscription.newsletter_id).update(
                unsubscribed_count=F("unsubscribed_count") + 1
            )
        subscriber = subscription.subscriber
        if not subscriber.subscriptions.exists():
            subscriber.delete()


# Preferences: a signed link per reader, no password -------------------------


def _preferences_signature(subscriber_id: int, email: str) -> str:
    return salted_hmac(
        "masthead.newsletters.preferences",
        f"{subscriber_id}:{email}",
        algorithm="sha256",
    ).hexdigest()[:32]


def preferences_path(subscriber: Subscriber) -> str:
    signature = _preferences_signature(subscriber.pk, subscriber.email)
    return f"/newsletters/preferences/{subscriber.pk}/{signature}/"


def subscriber_for_preferences(
    *, subscriber_id: int, signature: str
) -> Subscriber | None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return None
    expected = _preferences_signature(subscriber.pk, subscriber.email)
    return subscriber if constant_time_compare(expected, signature) else None


def subscriber_preferences_set(
    *, subscriber: Subscriber, newsletter_ids: set[int]
) -> Subscriber | None:
    """Keep ``subscriber`` on exactly these lists; return None if none is left.

    The link came in an email to the address, so a list ticked here is
    confirmed at once. Only lists offered to readers, or already theirs, can
    be ticked.
    """
    allowed = set(
        Newsletter.objects.filter(is_public=True).values_list("pk", flat=True)
    ) | set(subscriber.subscriptions.values_list("newsletter_id", flat=True))
    wanted = newsletter_ids & allowed
    now = timezone.now()
    with transaction.atomic():
        for newsletter_id in wanted:
            subscription, _ = Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter_id=newsletter_id,
                defaults={"confirmed_at": now},
            )
            if subscription.confirmed_at is None:
                subscription.confirmed_at = now
                subscription.save(update_fields=["confirmed_at"])
        for subscription in subscriber.subscriptions.select_related("subscriber"):
            if subscription.newsletter_id not in wanted:
                subscription_cancel(subscription=subscription)
        if not Subscriber.objects.filter(pk=subscriber.pk).exists():
            return None
    return subscriber


def subscriber_delete(*, subscriber: Subscriber) -> None:
    """Delete every row about ``subscriber``; count a departure per list."""
    with transaction.atomic():
        Newsletter.objects.filter(
            subscriptions__subscriber=subscriber,
            subscriptions__confirmed_at__isnull=False,
        ).update(unsubscribed_count=F("unsubscribed_count") + 1)
        subscriber.delete()


# Bounces and complaints, from the email service's tracking webhooks ------

_SUPPRESSING = {"bounced": "bounced_at", "complained": "complained_at"}


def subscriber_suppress(*, email: str, event_type: str, when: datetime) -> bool:
    """Stop mail to ``email`` after a hard bounce or a complaint.

    Counted once per address and list, as aggregates on each newsletter it
    was on; the address is kept (marked) so that no later send or import
    mails it again. Return whether anything changed.
    """
    field = _SUPPRESSING.get(event_type)
    if field is None or not email:
        return False
    with transaction.atomic():
        marked = Subscriber.objects.filter(
            email=email.strip().lower(), **{f"{field}__isnull": True}
        ).update(**{field: when})
        if not marked:
            return False  # unknown address, or this event seen before
        counter = field.replace("_at", "_count")
        Newsletter.objects.filter(
            subscriptions__subscriber__email=email.strip().lower(),
            subscriptions__confirmed_at__isnull=False,
        ).update(**{counter: F(counter) + 1})
    return True


# Editions -----------------------------------------------------------------


def digest_articles(*, newsletter: Newsletter, start: datetime, end: datetime):
    """The live articles of its language published in [start, end)."""
    return (
        ArticlePage.objects.live()
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


# Stand for each reader's own links in an edition rendered once a batch.
_UNSUBSCRIBE = "https://unsubscribe.invalid/reader"
_PREFERENCES = "https://preferences.invalid/reader"


def _mail_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def delivery_message_id(delivery: Delivery) -> str:
    """The Message-ID of ``delivery``: the same every time it is sent.

    A message sent again after a crash (see ``deliveries_release_dead``)
    carries the Message-ID of the first attempt, so receivers that dedupe on
    it show it once. An HMAC, so it says nothing about how many readers
    there are; it is in a header, never in a link.
    """
    digest = salted_hmac(
        "masthead.newsletters.message-id",
        f"{delivery.edition_id}:{delivery.pk}",
        algorithm="sha256",
    ).hexdigest()[:32]
    return f"<{digest}.newsletter@{_mail_domain()}>"


def _message(
    edition: Edition, rendered, delivery: Delivery, connection
) -> mail.EmailMultiAlternatives:
    newsletter = edition.newsletter
    subscriber = delivery.subscriber
    base = base_url(newsletter)
    unsubscribe = base + unsubscribe_path(subscriber, newsletter)
    preferences = base + preferences_path(subscriber)

    def personal(text: str) -> str:
        return text.replace(_UNSUBSCRIBE, unsubscribe).replace(
            _PREFERENCES, preferences
        )

    message = mail.EmailMultiAlternatives(
        subject=rendered.subject,
        body=personal(rendered.text),
        from_email=newsletter.from_email,
        to=[subscriber.email],
        connection=connection,
        headers={
            # RFC 8058: mail clients offer one-click unsubscribe with these.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{newsletter.name} <{newsletter.slug}.newsletters>",
            "Message-ID": delivery_message_id(delivery),
        },
    )
    message.attach_alternative(personal(rendered.html), "text/html")
    # Email services (through anymail) would add an open pixel and rewrite
    # links where their account is set so; SMTP ignores these.
    message.track_opens = message.track_clicks = False
    return message


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
    with the same Message-ID. Every other row was never attempted.
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
        for index, delivery in enumerate(deliveries):
            subscriber = delivery.subscriber
            if subscriber.bounced_at or subscriber.complained_at:
                status = Delivery.Status.SUPPRESSED
            else:
                message = _message(edition, rendered, delivery, connection)
                try:
                    message.send()
                except _REFUSED:
                    logger.warning("Newsletter delivery %s refused", delivery.pk)
                    status = Delivery.Status.FAILED
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
                except Exception:
                    logger.exception("Newsletter delivery %s failed", delivery.pk)
                    status = Delivery.Status.FAILED
                else:
                    status = Delivery.Status.SENT
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
