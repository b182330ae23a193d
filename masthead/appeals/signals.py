"""Cached pages carry the appeals: any change to one renders them afresh."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from masthead import pagecache
from masthead.appeals.models import Appeal, AppealVariant

_appeals_changed = partial(pagecache.changed, "appeals")


def _renew(**kwargs) -> None:
    transaction.on_commit(_appeals_changed)


def connect() -> None:
    for model in (Appeal, AppealVariant):
        post_save.connect(_renew, sender=model, dispatch_uid=f"appeals-{model}")
        post_delete.connect(_renew, sender=model, dispatch_uid=f"appeals-del-{model}")
    m2m_changed.connect(
        _renew, sender=Appeal.sections.through, dispatch_uid="appeals-sections"
    )
