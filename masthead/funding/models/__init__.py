"""Reader funding: donors, donations, recurring donations, the ledger, the goal.

Money is an integer of minor units beside an ISO 4217 currency code.
"""

from masthead.funding.models.base import (
    CURRENCY_CHOICES,
    Amount,
    Attribution,
    Frequency,
)
from masthead.funding.models.donations import (
    Donation,
    DonationIntent,
    Donor,
    LedgerEntry,
    ProviderCustomer,
    ProviderEvent,
    ReconcileRun,
    RecurringDonation,
    SignInToken,
    monthly_share,
)
from masthead.funding.models.newsroom import (
    DonationOption,
    ExchangeRate,
    FundingSettings,
    ManualRail,
    PaymentLink,
)

__all__ = [
    "CURRENCY_CHOICES",
    "Amount",
    "Attribution",
    "Donation",
    "DonationIntent",
    "DonationOption",
    "Donor",
    "ExchangeRate",
    "Frequency",
    "FundingSettings",
    "LedgerEntry",
    "ManualRail",
    "PaymentLink",
    "ProviderCustomer",
    "ProviderEvent",
    "ReconcileRun",
    "RecurringDonation",
    "SignInToken",
    "monthly_share",
]
