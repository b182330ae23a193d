"""Side effects of publishing: cache purges and "Read more" recomputation."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from masthead import pagecache
from masthead.news.fragments import news_changed
from masthead.news.models import ArticlePage, Author, NewsImage
from masthead.news.tasks import recompute_related


def _clear_pages(**kwargs) -> None:
    transaction.on_commit(pagecache.clear)


def _shared_parts_changed(**kwargs) -> None:
    transaction.on_commit(news_changed)


def _page_changed(sender, instance=None, **kwargs) -> None:
    """A page other than an article is in the navigation, the site or a card."""
    if not isinstance(instance, ArticlePage):
        _shared_parts_changed()


def _alias_saved(sender, instance=None, **kwargs) -> None:
    """An alias takes its source's view restrictions (``restricted_paths``)."""
    if isinstance(instance, Page) and instance.alias_of_id:
        _shared_parts_changed()


def _article_published(sender, instance, **kwargs) -> None:
    article_id = instance.pk
    transaction.on_commit(lambda: recompute_related.enqueue(article_id=article_id))


def connect() -> None:
    page_published.connect(_clear_pages, dispatch_uid="masthead-clear-published")
    page_unpublished.connect(_clear_pages, dispatch_uid="masthead-clear-unpublished")
    post_delete.connect(_clear_pages, sender=Page, dispatch_uid="masthead-clear-page")
    post_save.connect(_clear_pages, sender=Author, dispatch_uid="masthead-clear-author")
    post_save.connect(_clear_pages, sender=Site, dispatch_uid="masthead-clear-site")
    # The parts cached by version("news") (masthead.news.fragments).
    for signal, name in ((page_published, "published"), (page_unpublished, "unpub")):
        signal.connect(_page_changed, dispatch_uid=f"masthead-news-page-{name}")
    post_page_move.connect(_shared_parts_changed, dispatch_uid="masthead-news-moved")
    page_slug_changed.connect(_shared_parts_changed, dispatch_uid="masthead-news-slug")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="masthead-news-page")
    # View restrictions: the restricted paths, and every page they cover.
    post_save.connect(_alias_saved, dispatch_uid="masthead-news-alias")
    for model in (Site, Author, Tag, NewsImage, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _shared_parts_changed,
                sender=model,
                dispatch_uid=f"masthead-news-{model.__name__}-{signal is post_save}",
            )
    page_published.connect(
        _article_published, sender=ArticlePage, dispatch_uid="masthead-related"
    )
