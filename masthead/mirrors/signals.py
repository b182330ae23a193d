"""A saved mirror is served at once here, and every cached page lists it.

Publishing or unpublishing a page, or changing the registry, also queues a
debounced publish of the static export to the configured targets.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from masthead import pagecache
from masthead.mirrors import selectors
from masthead.mirrors.models import Mirror
from masthead.mirrors.tasks import publish_request


def _changed(**kwargs) -> None:
    selectors.forget()
    # Again after the commit: a snapshot read before it would miss the change.
    transaction.on_commit(selectors.forget)
    # Footers, feeds, /mirrors/ and /mirrors.json list the mirrors.
    transaction.on_commit(pagecache.clear)
    # The static copies carry mirrors.json and the same footer.
    transaction.on_commit(publish_request)


def _publish(**kwargs) -> None:
    # Queues nothing while no publishing target is configured.
    transaction.on_commit(publish_request)


def connect() -> None:
    page_published.connect(_publish, dispatch_uid="mirrors-publish-published")
    page_unpublished.connect(_publish, dispatch_uid="mirrors-publish-unpublished")
    post_save.connect(_changed, sender=Mirror, dispatch_uid="mirrors-saved")
    post_delete.connect(_changed, sender=Mirror, dispatch_uid="mirrors-deleted")
