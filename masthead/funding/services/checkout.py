"""Starting a donation: what the reader asked to give, and the provider's checkout."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.funding.models import DonationIntent
from masthead.funding.money import Money
from masthead.funding.providers import get_provider
from masthead.funding.providers.base import Checkout

# Identical checkouts started within this window are one checkout.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class StartedCheckout:
    intent: DonationIntent
    checkout: Checkout


def _idempotency_key(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def donation_intent_start(
    *,
    provider: str,
    amount: Money,
    frequency: str,
    email: str,
    name: str = "",
    appeal: str = "",
    variant: str = "",
    success_url: str,
    cancel_url: str,
    site_url: str = "",
) -> StartedCheckout:
    """Record what the reader asked to give and start the provider's checkout.

    ``site_url`` is the site's address on the host the reader came by (from
    the mirror registry, never from the request): the donor's emails link there.

    A second identical submission within the window returns the same intent
    and the same checkout, so a double-clicked button pays once.
    """
    email = email.strip().lower()
    bucket = int(timezone.now().timestamp() // DOUBLE_SUBMIT_WINDOW.total_seconds())
    key = _idempotency_key(
        provider, email, amount.minor, amount.currency, frequency, bucket
    )
    defaults = {
        "provider": provider,
        "amount_minor": amount.minor,
        "currency": amount.currency,
        "frequency": frequency,
        "email": email,
        "name": name.strip(),
        "appeal": appeal[:100],
        "variant": variant[:100],
        "site_url": site_url[:255],
    }
    try:
        with transaction.atomic():
            intent, _ = DonationIntent.objects.get_or_create(
                idempotency_key=key, defaults=defaults
            )
    except IntegrityError:  # a concurrent identical submission won the race
        intent = DonationIntent.objects.get(idempotency_key=key)
    backend = get_provider(provider)
    if backend.needs_reference and not intent.reference:
        _give_reference(intent, backend)
    # The provider's API is called with no row locked.
    checkout = backend.start_checkout(
        intent, success_url=success_url, cancel_url=cancel_url
    )
    if intent.provider_session_id != checkout.session_id:
        intent.provider_session_id = checkout.session_id
        intent.save(update_fields=["provider_session_id"])
    return StartedCheckout(intent=intent, checkout=checkout)


def _give_reference(intent: DonationIntent, backend) -> None:
    for _ in range(5):
        try:
            with transaction.atomic():
                DonationIntent.objects.filter(
                    pk=intent.pk, reference__isnull=True
                ).update(reference=backend.new_reference())
            break
        except IntegrityError:  # the same code drawn twice: draw again
            continue
    intent.refresh_from_db(fields=["reference"])
