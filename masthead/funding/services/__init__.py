"""Writes of reader funding: checkouts, provider events, donors, transfers,
reconciliation.

Every provider event is stored raw and once before it is processed;
processing is idempotent, so a duplicate, replayed or re-run event changes
nothing. The amount that counts is the provider's, checked against the
donation the reader started. Callers import this package; each part lives
in its own module.
"""

from masthead.funding.services.checkout import (
    DOUBLE_SUBMIT_WINDOW,
    StartedCheckout,
    donation_intent_start,
)
from masthead.funding.services.donors import (
    SIGN_IN_LINK_LIFETIME,
    recurring_donation_cancel,
    recurring_donation_change_amount,
    sign_in_link_send,
    sign_in_token_create,
    sign_in_token_redeem,
)
from masthead.funding.services.events import (
    donation_review_approve,
    events_due,
    events_retry_due,
    provider_event_process,
    provider_event_record,
)
from masthead.funding.services.ledger import (
    EventNotReady,
    EventRejected,
    PaymentHeld,
    funding_changed,
)
from masthead.funding.services.reconcile import (
    ReconcileReport,
    funding_reconcile,
    funding_reconcile_if_due,
)
from masthead.funding.services.recurring import recurring_amount_set
from masthead.funding.services.transfers import (
    IMPORT_COLUMNS,
    REFERENCE_PATTERN,
    ImportReport,
    TransferError,
    find_reference,
    manual_transfer_record,
    transfers_import_csv,
)

__all__ = [
    "DOUBLE_SUBMIT_WINDOW",
    "IMPORT_COLUMNS",
    "REFERENCE_PATTERN",
    "SIGN_IN_LINK_LIFETIME",
    "EventNotReady",
    "EventRejected",
    "ImportReport",
    "PaymentHeld",
    "ReconcileReport",
    "StartedCheckout",
    "TransferError",
    "donation_intent_start",
    "donation_review_approve",
    "events_due",
    "events_retry_due",
    "find_reference",
    "funding_changed",
    "funding_reconcile",
    "funding_reconcile_if_due",
    "manual_transfer_record",
    "provider_event_process",
    "provider_event_record",
    "recurring_amount_set",
    "recurring_donation_cancel",
    "recurring_donation_change_amount",
    "sign_in_link_send",
    "sign_in_token_create",
    "sign_in_token_redeem",
    "transfers_import_csv",
]
