from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from masthead.news import fragments
from masthead.news.models import InfoPage, SectionPage


@dataclass(frozen=True)
class NavLink:
    """A page in the header or footer: what the links need, URL worked out."""

    title: str
    url: str
    slug: str


def navigation() -> dict[str, list[NavLink]]:
    """Return the sections (header) and the information pages (footer).

    Both are children of the front page, read in one query.
    """
    types = ContentType.objects.get_for_models(SectionPage, InfoPage)
    pages = list(
        Page.objects.live()
        .filter(content_type__in=types.values())
        .order_by("path")
        .only(
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "content_type",
            "show_in_menus",
        )
    )
    return {
        "sections": [
            NavLink(p.title, p.url, p.slug)
            for p in pages
            if p.content_type_id == types[SectionPage].pk
        ],
        "footer": [
            NavLink(p.title, p.url, p.slug)
            for p in pages
            if p.content_type_id == types[InfoPage].pk and p.show_in_menus
        ],
    }


def publication(request) -> dict:
    """Give every template the newsroom's name, its sections and its pages."""
    pages = SimpleLazyObject(lambda: fragments.cached("navigation", navigation))
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "canonical_base": settings.SITE_URL,
        "nav_sections": SimpleLazyObject(lambda: pages["sections"]),
        "footer_pages": SimpleLazyObject(lambda: pages["footer"]),
    }
