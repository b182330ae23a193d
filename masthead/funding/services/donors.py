"""Donor self-service: sign-in links, and changing or cancelling a recurring gift.

The provider is called first, with no row locked; what it accepted is then
recorded here, and the provider's own event agrees with it later.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.funding import notifications
from masthead.funding.models import Donor, RecurringDonation, SignInToken
from masthead.funding.money import Money, MoneyError
from masthead.funding.providers import get_provider
from masthead.funding.services.ledger import EventRejected, funding_changed
from masthead.funding.services.recurring import recurring_amount_set

SIGN_IN_LINK_LIFETIME = timedelta(minutes=30)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_token_create(*, donor: Donor) -> str:
    """Return a new sign-in token for ``donor``; links sent before stop working.

    Only the token's hash is stored: the plaintext goes into the email alone.
    """
    now = timezone.now()
    with transaction.atomic():
        SignInToken.objects.filter(donor=donor, used_at__isnull=True).update(
            used_at=now
        )
        token = secrets.token_urlsafe(32)
        SignInToken.objects.create(
            donor=donor,
            token_hash=_token_hash(token),
            expires_at=now + SIGN_IN_LINK_LIFETIME,
        )
    return token


def sign_in_link_send(*, donor_id: int, base_url: str = "") -> bool:
    """Email the donor a new sign-in link; return whether one was sent.

    The link goes to ``base_url`` (a registered mirror's address, chosen by
    the caller from the registry) or to ``SITE_URL``, never to whatever host
    the request named.
    """
    donor = Donor.objects.filter(pk=donor_id).first()
    if donor is None:
        return False
    token = sign_in_token_create(donor=donor)
    path = reverse("funding:manage_sign_in", args=[token])
    site_url = base_url or settings.SITE_URL
    notifications.email_send(
        "funding/email/sign_in.txt",
        donor.email,
        {
            "link": site_url.rstrip("/") + path,
            "minutes": int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60),
        },
        site_url=site_url,
    )
    return True


def sign_in_token_redeem(*, token: str) -> Donor | None:
    """Return the donor of a valid token and spend it; None if it is not valid."""
    with transaction.atomic():
        link = (
            SignInToken.objects.select_for_update(of=("self",))
            .select_related("donor")
            .filter(token_hash=_token_hash(token), used_at__isnull=True)
            .first()
        )
        if link is None or link.expires_at <= timezone.now():
            return None
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        return link.donor


def recurring_donation_cancel(*, recurring: RecurringDonation) -> None:
    """Cancel at the provider first, then here; the provider's event agrees."""
    if recurring.status == RecurringDonation.Status.CANCELED:
        return
    get_provider(recurring.provider).cancel_recurring(
        recurring.provider_subscription_id
    )
    now = timezone.now()
    RecurringDonation.objects.filter(pk=recurring.pk).exclude(
        status=RecurringDonation.Status.CANCELED
    ).update(
        status=RecurringDonation.Status.CANCELED,
        status_at=now,
        canceled_at=now,
        past_due_since=None,
    )
    transaction.on_commit(funding_changed)


def recurring_donation_change_amount(
    *, recurring: RecurringDonation, amount: Money
) -> None:
    """Change the amount at the provider, then here: later renewals are of it."""
    if recurring.status == RecurringDonation.Status.CANCELED:
        raise EventRejected("a canceled donation cannot be changed")
    if amount.currency != recurring.currency:
        raise MoneyError("The new amount must be in the same currency.")
    get_provider(recurring.provider).change_recurring_amount(
        recurring.provider_subscription_id, amount
    )
    recurring_amount_set(recurring=recurring, amount=amount, when=timezone.now())
