"""Cached pages carry the appeals: any change to one renders them afresh."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from masthead import pagecache
from masthead.appeals.models import Appeal, AppealVariant
from masthead.news.models import SectionPage

_appeals_changed = partial(pagecache.changed, "appeals")


def _renew(**kwargs) -> None:
    transaction.on_commit(_appeals_changed)


def _section_deleted(sender, instance, **kwargs) -> None:
    """An appeal limited to a deleted section alone would run everywhere.

    Deleting a section drops its links without ``m2m_changed``: such appeals
    are switched off instead, for the team to retarget.
    """
    for appeal in Appeal.objects.filter(sections=instance).prefetch_related("sections"):
        if {section.pk for section in appeal.sections.all()} == {instance.pk}:
            Appeal.objects.filter(pk=appeal.pk).update(active=False)
    transaction.on_commit(_appeals_changed)


def connect() -> None:
    for model in (Appeal, AppealVariant):
        post_save.connect(_renew, sender=model, dispatch_uid=f"appeals-{model}")
        post_delete.connect(_renew, sender=model, dispatch_uid=f"appeals-del-{model}")
    m2m_changed.connect(
        _renew, sender=Appeal.sections.through, dispatch_uid="appeals-sections"
    )
    pre_delete.connect(
        _section_deleted, sender=SectionPage, dispatch_uid="appeals-section-deleted"
    )
