"""Sign-up, confirmation, unsubscribe, preferences, bounces: the readers' side."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from masthead import ratelimit
from masthead.newsletters.models import (
    Newsletter,
    Subscriber,
    Subscription,
)


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
