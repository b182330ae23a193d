"""A saved mirror is served at once here, and every cached page lists it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from masthead import pagecache
from masthead.mirrors import selectors
from masthead.mirrors.models import Mirror


def _changed(**kwargs) -> None:
    selectors.forget()
    # Again after the commit: a snapshot read before it would miss the change.
    transaction.on_commit(selectors.forget)
    # Footers, feeds, /mirrors/ and /mirrors.json list the mirrors.
    transaction.on_commit(pagecache.clear)


def connect() -> None:
    post_save.connect(_changed, sender=Mirror, dispatch_uid="mirrors-saved")
    post_delete.connect(_changed, sender=Mirror, dispatch_uid="mirrors-deleted")
