"""What every payment provider does, in our own terms.

A provider starts checkouts, verifies and translates its webhooks into the
small domain events below, and (where it can) lists past events and manages
recurring donations. It never hands SDK objects to the rest of the code.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from masthead.funding.money import Money


class ProviderError(Exception):
    """The provider refused or failed; the message is safe to log."""


class WebhookError(ProviderError):
    """A webhook delivery that must be rejected (bad signature, bad body)."""


@dataclass(frozen=True)
class Checkout:
    """Where to send the reader to pay."""

    redirect_url: str
    session_id: str


@dataclass(frozen=True)
class RawEvent:
    event_id: str
    type: str
    payload: dict  # JSON-safe: stored as it is
    # When the provider created the event; the order events are processed in.
    created: datetime | None = None


@dataclass(frozen=True)
class PaymentSucceeded:
    payment_id: str
    amount: Money
    occurred_at: datetime
    intent_id: str = ""
    email: str = ""
    name: str = ""
    customer_id: str = ""
    subscription_id: str = ""
    interval: str = ""
    interval_count: int = 1


@dataclass(frozen=True)
class PaymentFailed:
    occurred_at: datetime
    intent_id: str = ""
    subscription_id: str = ""


@dataclass(frozen=True)
class SubscriptionChanged:
    subscription_id: str
    status: str  # active, past_due or canceled
    occurred_at: datetime
    amount: Money | None = None
    interval: str = ""
    interval_count: int = 1
    # What the first invoice came to when it is not the price (a discount
    # or a fee of the first period only): a payment of it is not a surprise.
    first_payment: Money | None = None
    customer_id: str = ""
    email: str = ""
    intent_id: str = ""
    started_at: datetime | None = None


@dataclass(frozen=True)
class Refunded:
    payment_id: str
    refund_id: str
    amount: Money
    occurred_at: datetime


@dataclass(frozen=True)
class DisputeChanged:
    payment_id: str
    dispute_id: str
    amount: Money
    occurred_at: datetime  # when the dispute opened
    closed: bool = False
    won: bool = False
    closed_at: datetime | None = None


DomainEvent = (
    PaymentSucceeded | PaymentFailed | SubscriptionChanged | Refunded | DisputeChanged
)


class PaymentProvider:
    """Base class; subclasses implement what their provider supports."""

    label = "Payment"
    # Whether the reader needs a reference code to put on a transfer.
    needs_reference = False
    # Whether list_events works, so that reconcile can find missed events.
    lists_events = False

    def __init__(self, *, name: str, **options):
        self.name = name
        self.options = options

    def start_checkout(self, intent, *, success_url: str, cancel_url: str) -> Checkout:
        raise NotImplementedError

    def available(self) -> bool:
        """Whether to offer this provider to readers right now."""
        return True

    def redirect_origins(self) -> tuple[str, ...]:
        """Return the origins outside this site that a checkout sends readers to.

        The support page's CSP ``form-action`` lists them: the browser checks
        the redirect that answers the form against it. Same-origin rails
        (bank transfer, dummy) return none.
        """
        return ()

    def new_reference(self) -> str:
        raise NotImplementedError

    def verify_webhook(self, body: bytes, headers) -> RawEvent:
        raise WebhookError(f"{self.name} takes no webhooks")

    def translate(self, event: RawEvent) -> list[DomainEvent]:
        """Return the domain events of a stored raw event; [] to ignore it.

        It may call the provider's API for what the event lacks, so it is
        called before any row is locked.
        """
        raise NotImplementedError

    def list_events(self, since: datetime) -> Iterable[RawEvent]:
        """Return the provider's events created since ``since``, in any order."""
        raise ProviderError(f"{self.name} cannot list past events")

    def cancel_recurring(self, subscription_id: str) -> None:
        raise ProviderError(f"{self.name} cannot cancel recurring donations")

    def change_recurring_amount(self, subscription_id: str, amount: Money) -> None:
        raise ProviderError(f"{self.name} cannot change recurring donations")
