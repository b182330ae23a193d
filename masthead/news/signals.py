"""Side effects of publishing: cache purges and "Read more" recomputation."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from masthead import pagecache
from masthead.news.models import ArticlePage, Author
from masthead.news.tasks import recompute_related


def _clear_pages(**kwargs) -> None:
    transaction.on_commit(pagecache.clear)


def _article_published(sender, instance, **kwargs) -> None:
    article_id = instance.pk
    transaction.on_commit(lambda: recompute_related.enqueue(article_id=article_id))


def connect() -> None:
    page_published.connect(_clear_pages, dispatch_uid="masthead-clear-published")
    page_unpublished.connect(_clear_pages, dispatch_uid="masthead-clear-unpublished")
    post_delete.connect(_clear_pages, sender=Page, dispatch_uid="masthead-clear-page")
    post_save.connect(_clear_pages, sender=Author, dispatch_uid="masthead-clear-author")
    post_save.connect(_clear_pages, sender=Site, dispatch_uid="masthead-clear-site")
    page_published.connect(
        _article_published, sender=ArticlePage, dispatch_uid="masthead-related"
    )
