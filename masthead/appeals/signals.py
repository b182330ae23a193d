"""Cached pages carry the appeals: any change to one renders them afresh."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from masthead import pagecache
from masthead.appeals.models import Appeal, AppealVariant
from masthead.appeals.selectors import VERSION_KEY


def _appeals_changed() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
    pagecache.clear()


def _clear_pages(**kwargs) -> None:
    transaction.on_commit(_appeals_changed)


def connect() -> None:
    for model in (Appeal, AppealVariant):
        post_save.connect(_clear_pages, sender=model, dispatch_uid=f"appeals-{model}")
        post_delete.connect(
            _clear_pages, sender=model, dispatch_uid=f"appeals-del-{model}"
        )
    m2m_changed.connect(
        _clear_pages, sender=Appeal.sections.through, dispatch_uid="appeals-sections"
    )
