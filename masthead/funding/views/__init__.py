"""Reader funding views: the support page, checkout, thanks, webhooks, and
the donors' own page. ``masthead.funding.urls`` names them from here.
"""

from masthead.funding.views.donors import (
    DONOR_SESSION_KEY,
    manage,
    manage_donations,
    manage_sign_in,
    manage_sign_out,
)
from masthead.funding.views.support import (
    checkout,
    dummy_checkout,
    support,
    thanks,
    transfer,
    webhook,
)

__all__ = [
    "DONOR_SESSION_KEY",
    "manage",
    "manage_donations",
    "manage_sign_in",
    "manage_sign_out",
    "checkout",
    "dummy_checkout",
    "support",
    "thanks",
    "transfer",
    "webhook",
]
