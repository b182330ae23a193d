"""Writes of reader funding: checkouts, provider events, the ledger.

Every provider event is stored raw and once before it is processed;
processing is idempotent, so a duplicate, replayed or re-run event changes
nothing. The amount that counts is the provider's, checked against the
donation the reader started.
"""

import csv
import hashlib
import io
import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from masthead import pagecache
from masthead.funding.models import (
    Donation,
    DonationIntent,
    Donor,
    Frequency,
    LedgerEntry,
    ProviderCustomer,
    ProviderEvent,
    RecurringDonation,
    SignInToken,
)
from masthead.funding.money import Money, MoneyError
from masthead.funding.providers import get_provider
from masthead.funding.providers.base import (
    Checkout,
    DisputeChanged,
    PaymentFailed,
    PaymentSucceeded,
    ProviderError,
    RawEvent,
    Refunded,
    SubscriptionChanged,
)

logger = logging.getLogger(__name__)

# Identical checkouts started within this window are one checkout.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)


class EventNotReady(Exception):
    """The event refers to something not recorded yet; process it again later."""


class EventRejected(Exception):
    """The event can never be applied (it would corrupt the ledger)."""


@dataclass(frozen=True)
class StartedCheckout:
    intent: DonationIntent
    checkout: Checkout


def funding_changed() -> None:
    """Money or funding settings changed: renew the goal meter and the pages."""
    pagecache.changed("funding")


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
) -> StartedCheckout:
    """Record what the reader asked to give and start the provider's checkout.

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


def provider_event_record(
    *, provider: str, raw: RawEvent
) -> tuple[ProviderEvent, bool]:
    """Store a raw provider event once; return it and whether it was new."""
    try:
        with transaction.atomic():
            return ProviderEvent.objects.get_or_create(
                provider=provider,
                event_id=raw.event_id,
                defaults={"type": raw.type, "payload": raw.payload},
            )
    except IntegrityError:  # the same event delivered twice at once
        return ProviderEvent.objects.get(
            provider=provider, event_id=raw.event_id
        ), False


def provider_event_process(*, event_id: int) -> bool:
    """Apply a stored event once; return whether it is processed now.

    Safe to run any number of times, concurrently too: the event row is
    locked, and an event already processed is left alone.
    """
    try:
        with transaction.atomic():
            event = ProviderEvent.objects.select_for_update().get(pk=event_id)
            if event.processed_at is not None:
                return True
            provider = get_provider(event.provider)
            raw = RawEvent(
                event_id=event.event_id, type=event.type, payload=event.payload
            )
            for domain_event in provider.translate(raw):
                _apply(event.provider, domain_event)
            event.processed_at = timezone.now()
            event.attempts += 1
            event.error = ""
            event.save(update_fields=["processed_at", "attempts", "error"])
            # The goal meter and the pages that show it are now stale.
            transaction.on_commit(funding_changed)
            return True
    except (
        EventNotReady, EventRejected, ProviderError, MoneyError, KeyError, ValueError,
    ) as error:  # fmt: skip
        ProviderEvent.objects.filter(pk=event_id).update(
            attempts=F("attempts") + 1, error=f"{type(error).__name__}: {error}"
        )
        logger.warning("Provider event %s not applied: %s", event_id, error)
        return False


def _donor(
    provider: str, email: str, name: str = "", customer_id: str = ""
) -> Donor | None:
    donor = None
    if customer_id:
        link = ProviderCustomer.objects.select_related("donor").filter(
            provider=provider, customer_id=customer_id
        )
        donor = link.first().donor if link.exists() else None
    if donor is None and email:
        donor, _ = Donor.objects.get_or_create(
            email=email.strip().lower(), defaults={"name": name}
        )
    if donor is not None and customer_id:
        ProviderCustomer.objects.get_or_create(
            provider=provider, customer_id=customer_id, defaults={"donor": donor}
        )
    return donor


def _intent(intent_id: str) -> DonationIntent | None:
    if not intent_id:
        return None
    return DonationIntent.objects.filter(public_id=intent_id).first()


def _apply(provider: str, event) -> None:
    if isinstance(event, PaymentSucceeded):
        _payment_succeeded(provider, event)
    elif isinstance(event, PaymentFailed):
        _payment_failed(provider, event)
    elif isinstance(event, SubscriptionChanged):
        _subscription_changed(provider, event)
    elif isinstance(event, Refunded):
        _refunded(provider, event)
    elif isinstance(event, DisputeChanged):
        _dispute_changed(provider, event)


def _payment_succeeded(provider: str, event: PaymentSucceeded) -> None:
    intent = _intent(event.intent_id)
    donor = _donor(provider, event.email or (intent.email if intent else ""),
                   event.name, event.customer_id)  # fmt: skip
    recurring = None
    if event.subscription_id:
        recurring = RecurringDonation.objects.filter(
            provider=provider, provider_subscription_id=event.subscription_id
        ).first()
        if recurring is None:
            if donor is None:
                raise EventNotReady("payment for an unknown subscription and donor")
            recurring = _recurring_create(
                provider, event.subscription_id, donor, event.amount,
                event.interval or Frequency.MONTHLY, intent, event.occurred_at,
            )  # fmt: skip
    review_reason = ""
    if intent is not None and intent.money != event.amount:
        review_reason = (
            f"Paid {event.amount} but the donation was started for {intent.money}."
        )
    donation, created = Donation.objects.get_or_create(
        provider=provider,
        provider_payment_id=event.payment_id,
        defaults={
            "donor": donor,
            "intent": intent,
            "recurring": recurring,
            "amount_minor": event.amount.minor,
            "currency": event.amount.currency,
            "status": Donation.Status.REVIEW
            if review_reason
            else Donation.Status.SUCCEEDED,
            "review_reason": review_reason,
            "received_at": event.occurred_at,
            "appeal": intent.appeal if intent else "",
            "variant": intent.variant if intent else "",
        },
    )
    if donation.status == Donation.Status.SUCCEEDED:
        _ledger(donation, LedgerEntry.Kind.PAYMENT, event.payment_id, event.amount,
                event.occurred_at)  # fmt: skip
    if intent is not None and intent.status != DonationIntent.Status.COMPLETED:
        intent.status = DonationIntent.Status.COMPLETED
        intent.donor = donor
        intent.save(update_fields=["status", "donor"])


def donation_review_approve(*, donation: Donation) -> None:
    """Count a donation that was held for review, at the provider's amount."""
    with transaction.atomic():
        donation = Donation.objects.select_for_update().get(pk=donation.pk)
        if donation.status != Donation.Status.REVIEW:
            return
        donation.status = Donation.Status.SUCCEEDED
        donation.save(update_fields=["status"])
        _ledger(donation, LedgerEntry.Kind.PAYMENT, donation.provider_payment_id,
                donation.money, donation.received_at)  # fmt: skip
        transaction.on_commit(funding_changed)


def _ledger(donation: Donation, kind: str, object_id: str, amount: Money, when) -> None:
    sign = 1 if kind in (LedgerEntry.Kind.PAYMENT, LedgerEntry.Kind.DISPUTE_WON) else -1
    LedgerEntry.objects.get_or_create(
        provider=donation.provider,
        kind=kind,
        provider_object_id=object_id,
        defaults={
            "donation": donation,
            "amount_minor": sign * amount.minor,
            "currency": amount.currency,
            "occurred_at": when,
        },
    )


def _payment_failed(provider: str, event: PaymentFailed) -> None:
    intent = _intent(event.intent_id)
    if intent is not None and intent.status == DonationIntent.Status.STARTED:
        intent.status = DonationIntent.Status.FAILED
        intent.save(update_fields=["status"])
    if event.subscription_id:
        RecurringDonation.objects.filter(
            provider=provider,
            provider_subscription_id=event.subscription_id,
            status=RecurringDonation.Status.ACTIVE,
        ).update(
            status=RecurringDonation.Status.PAST_DUE, past_due_since=event.occurred_at
        )


def _recurring_create(provider, subscription_id, donor, amount, interval, intent, when):
    recurring, _ = RecurringDonation.objects.get_or_create(
        provider=provider,
        provider_subscription_id=subscription_id,
        defaults={
            "donor": donor,
            "intent": intent,
            "amount_minor": amount.minor,
            "currency": amount.currency,
            "interval": interval,
            "status": RecurringDonation.Status.ACTIVE,
            "started_at": when,
            "appeal": intent.appeal if intent else "",
            "variant": intent.variant if intent else "",
        },
    )
    return recurring


def _subscription_changed(provider: str, event: SubscriptionChanged) -> None:
    recurring = RecurringDonation.objects.filter(
        provider=provider, provider_subscription_id=event.subscription_id
    ).first()
    if recurring is None:
        if event.status == RecurringDonation.Status.CANCELED or event.amount is None:
            raise EventNotReady("change to a subscription not recorded yet")
        intent = _intent(event.intent_id)
        donor = _donor(provider, event.email or (intent.email if intent else ""),
                       customer_id=event.customer_id)  # fmt: skip
        if donor is None:
            raise EventNotReady("subscription of a donor not recorded yet")
        recurring = _recurring_create(
            provider, event.subscription_id, donor, event.amount,
            event.interval or Frequency.MONTHLY, intent, event.occurred_at,
        )  # fmt: skip
    if recurring.status == RecurringDonation.Status.CANCELED:
        return  # cancellation is final; late updates do not revive it
    fields = ["status", "past_due_since"]
    if event.status == RecurringDonation.Status.PAST_DUE:
        recurring.past_due_since = recurring.past_due_since or event.occurred_at
    else:
        recurring.past_due_since = None
    recurring.status = event.status
    if event.status == RecurringDonation.Status.CANCELED:
        recurring.canceled_at = event.occurred_at
        fields.append("canceled_at")
    if event.amount is not None and event.amount != recurring.money:
        recurring.amount_minor = event.amount.minor
        recurring.currency = event.amount.currency
        fields += ["amount_minor", "currency"]
    recurring.save(update_fields=fields)


def _refunded(provider: str, event: Refunded) -> None:
    donation = Donation.objects.filter(
        provider=provider, provider_payment_id=event.payment_id
    ).first()
    if donation is None:
        raise EventNotReady("refund of a payment not recorded yet")
    if LedgerEntry.objects.filter(
        provider=provider,
        kind=LedgerEntry.Kind.REFUND,
        provider_object_id=event.refund_id,
    ).exists():
        return
    if event.amount.currency != donation.currency:
        raise EventRejected("refund in another currency than the payment")
    refunded = -sum(
        donation.ledger.filter(kind=LedgerEntry.Kind.REFUND).values_list(
            "amount_minor", flat=True
        )
    )
    if refunded + event.amount.minor > donation.amount_minor:
        raise EventRejected(
            f"refund of {event.amount} exceeds what is left of {donation.money}"
        )
    _ledger(donation, LedgerEntry.Kind.REFUND, event.refund_id, event.amount,
            event.occurred_at)  # fmt: skip


def _dispute_changed(provider: str, event: DisputeChanged) -> None:
    donation = Donation.objects.filter(
        provider=provider, provider_payment_id=event.payment_id
    ).first()
    if donation is None:
        raise EventNotReady("dispute of a payment not recorded yet")
    _ledger(donation, LedgerEntry.Kind.DISPUTE, event.dispute_id, event.amount,
            event.occurred_at)  # fmt: skip
    if event.closed and event.won:
        _ledger(donation, LedgerEntry.Kind.DISPUTE_WON, event.dispute_id,
                event.amount, event.occurred_at)  # fmt: skip


# Donor self-service ------------------------------------------------------

SIGN_IN_LINK_LIFETIME = timedelta(minutes=30)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_token_create(*, email: str) -> str | None:
    """Return a new sign-in token for the donor with ``email``, if there is one."""
    donor = Donor.objects.filter(email=email.strip().lower()).first()
    if donor is None:
        return None
    token = secrets.token_urlsafe(32)
    SignInToken.objects.create(
        donor=donor,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME,
    )
    return token


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
    RecurringDonation.objects.filter(pk=recurring.pk).exclude(
        status=RecurringDonation.Status.CANCELED
    ).update(
        status=RecurringDonation.Status.CANCELED,
        canceled_at=timezone.now(),
        past_due_since=None,
    )
    transaction.on_commit(funding_changed)


def recurring_donation_change_amount(
    *, recurring: RecurringDonation, amount: Money
) -> None:
    if recurring.status == RecurringDonation.Status.CANCELED:
        raise EventRejected("a canceled donation cannot be changed")
    if amount.currency != recurring.currency:
        raise MoneyError("The new amount must be in the same currency.")
    get_provider(recurring.provider).change_recurring_amount(
        recurring.provider_subscription_id, amount
    )
    RecurringDonation.objects.filter(pk=recurring.pk).update(amount_minor=amount.minor)
    transaction.on_commit(funding_changed)


# Bank transfers and crypto ----------------------------------------------

REFERENCE_PATTERN = re.compile(
    r"\b(MH)[-\s]?([A-HJ-NP-Z2-9]{4})[-\s]?([A-HJ-NP-Z2-9]{4})\b", re.I
)


class TransferError(ValueError):
    """A transfer that cannot be recorded; the message says why."""


def find_reference(text: str) -> str | None:
    """Return the first reference code in a bank statement's text."""
    match = REFERENCE_PATTERN.search(text or "")
    if match is None:
        return None
    return "-".join(part.upper() for part in match.groups())


def manual_transfer_record(
    *, reference_text: str, amount: Money, received_at, transaction_id: str,
    provider: str = "manual",
) -> ProviderEvent:  # fmt: skip
    """Record a received transfer; recording the same transaction again is a no-op."""
    transaction_id = (transaction_id or "").strip()
    if not transaction_id:
        raise TransferError("Every transfer needs the bank's transaction id.")
    reference = find_reference(reference_text)
    if reference is None:
        raise TransferError(f"No reference code found in {reference_text!r}.")
    intent = DonationIntent.objects.filter(
        reference=reference, provider=provider
    ).first()
    if intent is None:
        raise TransferError(f"No donation was started with reference {reference}.")
    backend = get_provider(provider)
    raw = backend.transfer_event(
        transaction_id=transaction_id, reference=reference,
        intent_id=str(intent.public_id), amount=amount, received_at=received_at,
    )  # fmt: skip
    event, _ = provider_event_record(provider=provider, raw=raw)
    provider_event_process(event_id=event.pk)
    event.refresh_from_db()
    return event


@dataclass
class ImportReport:
    recorded: int = 0
    already_recorded: int = 0
    held_for_review: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


IMPORT_COLUMNS = ("date", "amount", "currency", "reference", "transaction_id")


def transfers_import_csv(
    *, text: str, progress=lambda done, total: None
) -> ImportReport:
    """Record the transfers of a bank statement (CSV with a header row).

    Columns: date (ISO), amount (as written, "25.00"), currency, reference
    (the transfer's text, where the reader put the code) and transaction_id.
    Rows that cannot be matched are reported with their line number and left
    out; nothing else changes.
    """
    report = ImportReport()
    rows = list(csv.DictReader(io.StringIO(text)))
    header = {(name or "").strip().lower() for name in (rows[0].keys() if rows else [])}
    missing = [column for column in IMPORT_COLUMNS if column not in header]
    if rows and missing:
        report.problems.append((1, f"Missing columns: {', '.join(missing)}."))
        return report
    for line, row in enumerate(rows, start=2):
        row = {
            (key or "").strip().lower(): (value or "").strip()
            for key, value in row.items()
        }
        try:
            amount = Money.parse(row["amount"], row["currency"])
            received = datetime.fromisoformat(row["date"])
            if timezone.is_naive(received):
                received = timezone.make_aware(received)
            known = ProviderEvent.objects.filter(
                provider="manual", event_id=f"transfer:{row['transaction_id']}"
            ).exists()
            event = manual_transfer_record(
                reference_text=row["reference"], amount=amount, received_at=received,
                transaction_id=row["transaction_id"],
            )  # fmt: skip
        except (MoneyError, TransferError, ValueError) as error:
            report.problems.append((line, str(error)))
        else:
            if known:
                report.already_recorded += 1
            elif Donation.objects.filter(
                provider="manual", provider_payment_id=row["transaction_id"],
                status=Donation.Status.REVIEW,
            ).exists():  # fmt: skip
                report.held_for_review += 1
            elif event.processed_at is not None:
                report.recorded += 1
            else:
                report.problems.append((line, event.error))
        progress(line - 1, len(rows))
    return report


# Reconciliation ------------------------------------------------------------


@dataclass
class ReconcileReport:
    listed: int = 0
    new: int = 0
    processed: int = 0
    failed: list[str] = field(default_factory=list)


def funding_reconcile(
    *, since: datetime, progress=lambda message: None
) -> ReconcileReport:
    """Fetch providers' events since ``since`` and apply any that were missed.

    Events stored earlier but never processed (a crash, a refund that came
    before its payment) are retried too. Safe to run at any time: everything
    it does is idempotent.
    """
    report = ReconcileReport()
    for name in settings.FUNDING_PROVIDERS:
        provider = get_provider(name)
        try:
            for raw in provider.list_events(since):
                report.listed += 1
                _, created = provider_event_record(provider=name, raw=raw)
                report.new += created
                if report.listed % 50 == 0:
                    progress(f"{name}: {report.listed} events listed")
        except ProviderError as error:
            progress(f"{name}: {error}")
    pending = ProviderEvent.objects.filter(
        processed_at__isnull=True, received_at__gte=since
    ).order_by("received_at", "pk")
    total = pending.count()
    for number, event in enumerate(pending, start=1):
        if provider_event_process(event_id=event.pk):
            report.processed += 1
        else:
            event.refresh_from_db()
            report.failed.append(f"{event.provider}:{event.event_id} {event.error}")
        progress(f"Processing {number}/{total}")
    return report
