"""Cache renewal when the team edits what the support page and meter show.

Money itself never moves through signals: services renew the caches after
they write (see services.funding_changed).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from masthead.funding.models import (
    DonationOption,
    ExchangeRate,
    FundingSettings,
    ManualRail,
)
from masthead.funding.services import funding_changed


def _renew(**kwargs) -> None:
    transaction.on_commit(funding_changed)


def connect() -> None:
    for model in (FundingSettings, ExchangeRate, DonationOption, ManualRail):
        name = model.__name__
        post_save.connect(_renew, sender=model, dispatch_uid=f"funding-{name}")
        post_delete.connect(_renew, sender=model, dispatch_uid=f"funding-del-{name}")
