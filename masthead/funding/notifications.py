"""Emails to donors: one receipt per payment, failed-payment notices, and
confirmations of cancellation.

What is due is read from the donations themselves (a succeeded donation with
no receipt yet, and so on), so a crash or a duplicate event can neither lose
an email nor send one twice: each is sent under a row lock and marked sent in
the same transaction.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from masthead.funding.models import Donation, DonationIntent, RecurringDonation
from masthead.mirrors import selectors as mirror_selectors

logger = logging.getLogger(__name__)


def _site_url(intent: DonationIntent | None) -> str:
    """Return the address the donor started from, if it is still served.

    A mirror retired since then gives way to the main domain.
    """
    started = intent.site_url if intent else ""
    if not started:
        return settings.SITE_URL.rstrip("/")
    return mirror_selectors.base_url_for(urlsplit(started).netloc)


def email_send(template: str, to: str, context: dict, *, site_url: str) -> None:
    """Send one email to a donor: the template's first line is its subject."""
    context = {
        **context,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url.rstrip("/"),
    }
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    EmailMessage(subject.strip(), body.strip() + "\n", to=[to]).send()


def _send(template: str, to: str, context: dict, *, intent=None) -> None:
    email_send(template, to, context, site_url=_site_url(intent))


def _each_locked(queryset, handle) -> int:
    sent = 0
    for pk in list(queryset.values_list("pk", flat=True)[:500]):
        with transaction.atomic():
            row = queryset.select_for_update(of=("self",)).filter(pk=pk).first()
            if row is not None and handle(row):
                sent += 1
    return sent


def _receipt(donation: Donation) -> bool:
    email = donation.donor.email if donation.donor else ""
    if email:
        intent = donation.intent or (
            donation.recurring.intent if donation.recurring else None
        )
        _send("funding/email/receipt.txt", email, {"donation": donation}, intent=intent)
    donation.receipt_sent_at = timezone.now()
    donation.save(update_fields=["receipt_sent_at"])
    return bool(email)


def _failure_notice(recurring: RecurringDonation) -> bool:
    _send(
        "funding/email/payment_failed.txt",
        recurring.donor.email,
        {"recurring": recurring},
        intent=recurring.intent,
    )
    recurring.failure_notice_for = recurring.past_due_since
    recurring.save(update_fields=["failure_notice_for"])
    return True


def _cancel_notice(recurring: RecurringDonation) -> bool:
    _send(
        "funding/email/canceled.txt",
        recurring.donor.email,
        {"recurring": recurring},
        intent=recurring.intent,
    )
    recurring.cancel_notice_sent_at = timezone.now()
    recurring.save(update_fields=["cancel_notice_sent_at"])
    return True


def notifications_send_pending() -> int:
    """Send every email that is due and not sent yet; return how many."""
    receipts = Donation.objects.filter(
        status=Donation.Status.SUCCEEDED, receipt_sent_at__isnull=True
    ).select_related("donor", "intent", "recurring__intent")
    failures = RecurringDonation.objects.filter(
        status=RecurringDonation.Status.PAST_DUE, past_due_since__isnull=False
    ).filter(
        Q(failure_notice_for__isnull=True) | ~Q(failure_notice_for=F("past_due_since"))
    )
    cancellations = RecurringDonation.objects.filter(
        status=RecurringDonation.Status.CANCELED, cancel_notice_sent_at__isnull=True
    )
    return (
        _each_locked(receipts, _receipt)
        + _each_locked(failures.select_related("donor", "intent"), _failure_notice)
        + _each_locked(cancellations.select_related("donor", "intent"), _cancel_notice)
    )
