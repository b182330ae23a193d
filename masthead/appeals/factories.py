"""Building appeals, for the tests and the demo newsroom alike."""

from datetime import datetime

from django.utils import timezone

from masthead.appeals import services as appeal_services
from masthead.appeals.models import Appeal, AppealVariant, Placement
from masthead.funding import factories, services
from masthead.funding.models import Donation, Frequency
from masthead.funding.money import Money


def appeal_build(
    key: str = "end", *, variants: list[dict] | None = None, sections=(), **fields
) -> Appeal:
    """Create an appeal and its variants (one dict of fields per variant)."""
    fields.setdefault("name", key.replace("-", " ").capitalize())
    fields.setdefault("placement", Placement.END)
    appeal = Appeal.objects.create(key=key, **fields)
    for index, variant in enumerate(variants or [{}]):
        AppealVariant.objects.create(
            appeal=appeal,
            sort_order=index,
            **{
                "headline": f"{key} headline {index}",
                "body": "<p>Please support us.</p>",
                "button_label": "Support us",
                **variant,
            },
        )
    appeal_services.appeal_variants_key(appeal=appeal)
    if sections:
        appeal.sections.set(sections)
        appeal.save()  # a cluster's many-to-many is written on save
    return appeal


def appeal_donation(
    appeal: str,
    variant: str,
    *,
    minor: int = 500,
    currency: str = "USD",
    when: datetime | None = None,
    number: int = 0,
) -> Donation:
    """A one-time donation through an appeal, by the dummy provider's events.

    Goes the way a real payment does: an intent carrying the appeal, then a
    payment event recorded and processed into the ledger.
    """
    intent = services.donation_intent_start(
        provider="dummy",
        amount=Money(minor, currency),
        frequency=Frequency.ONE_TIME,
        email=f"reader{number}@example.org",
        appeal=appeal,
        variant=variant,
        success_url="http://testserver/support/thanks/",
        cancel_url="http://testserver/support/",
    ).intent
    return factories.dummy_donation(
        factories.dummy_payment(
            intent=intent,
            event_id=f"evt_{appeal}_{variant}_{number}",
            payment_id=f"pay_{appeal}_{variant}_{number}",
            occurred_at=when or timezone.now(),
        )
    )
