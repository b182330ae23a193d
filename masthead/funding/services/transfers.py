"""Bank transfers and crypto: recording what arrived, one by one or from a CSV."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from masthead.funding.models import Donation, DonationIntent, ProviderEvent
from masthead.funding.money import Money, MoneyError
from masthead.funding.providers import get_provider
from masthead.funding.services.events import (
    provider_event_process,
    provider_event_record,
)

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
    *,
    reference_text: str,
    amount: Money,
    received_at,
    transaction_id: str,
    provider: str = "manual",
) -> ProviderEvent:
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
        transaction_id=transaction_id,
        reference=reference,
        intent_id=str(intent.public_id),
        amount=amount,
        received_at=received_at,
    )
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
                reference_text=row["reference"],
                amount=amount,
                received_at=received,
                transaction_id=row["transaction_id"],
            )
        except (MoneyError, TransferError, ValueError) as error:
            report.problems.append((line, str(error)))
        else:
            if known:
                report.already_recorded += 1
            elif Donation.objects.filter(
                provider="manual",
                provider_payment_id=row["transaction_id"],
                status=Donation.Status.REVIEW,
            ).exists():
                report.held_for_review += 1
            elif event.processed_at is not None:
                report.recorded += 1
            else:
                report.problems.append((line, event.error))
        progress(line - 1, len(rows))
    return report
