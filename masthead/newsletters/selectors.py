"""Reads of the newsletters."""

from dataclasses import dataclass

from django.core.cache import cache

from masthead.memo import parts_kept
from masthead.newsletters.models import Newsletter

_PUBLIC_KEY = "newsletters:public:v1"


@dataclass(frozen=True)
class PublicNewsletter:
    pk: int
    name: str
    description: str


def public_newsletters() -> list[PublicNewsletter]:
    """The newsletters offered on the sign-up forms, kept in the cache.

    The footer of every page shows them: an uncached page must not pay a
    query for them. Saving or deleting a newsletter drops the cached list.
    The static export reads it once (``masthead.memo.parts_kept``), not once
    a page.
    """
    kept = parts_kept()
    listed = None if kept is None else kept.get(_PUBLIC_KEY)
    if listed is None:
        listed = cache.get(_PUBLIC_KEY)
    if listed is None:
        listed = [
            PublicNewsletter(pk=n.pk, name=n.name, description=n.description)
            for n in Newsletter.objects.filter(is_public=True)
        ]
        cache.set(_PUBLIC_KEY, listed, timeout=None)
    if kept is not None:
        kept[_PUBLIC_KEY] = listed
    return listed


def support_form_choices() -> list[tuple[int, str]]:
    """The support form's ticks (funding.signups): (pk, name) of each public one."""
    return [(newsletter.pk, newsletter.name) for newsletter in public_newsletters()]


def forget_public_newsletters(**kwargs) -> None:
    cache.delete(_PUBLIC_KEY)
