from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from masthead.memo import Memo
from masthead.news import fragments
from masthead.news.models import InfoPage, SectionPage

# The navigation of the last few versions of the publication's shared parts.
_NAVIGATION = Memo(size=8, seconds=fragments.FRAGMENT_SECONDS)


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


def navigation_for(version: int) -> dict[str, list[NavLink]]:
    """Return ``navigation()`` under ``version("news")``, from this process first."""
    return _NAVIGATION.get_or_build(
        version,
        lambda: fragments.cached("navigation", navigation, version=version),
    )


def current_section(path: str, sections: list[NavLink]) -> str:
    """Return the URL of the section at ``path`` (the header's ``aria-current``)."""
    trimmed = path[:-1]
    for section in sections:
        if section.url and section.url[:-1] == trimmed:
            return section.url
    return ""


def publication(request) -> dict:
    """Give every template the newsroom's name, its sections and its pages.

    ``nav_version`` and ``nav_current`` are what base.html's header and
    footer are memoised by (``{% memo %}``): the version of the navigation
    and the section the page is, if it is one.
    """
    version = SimpleLazyObject(lambda: str(fragments.news_version()))
    pages = SimpleLazyObject(lambda: navigation_for(int(str(version))))
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "canonical_base": settings.SITE_URL,
        "nav_sections": SimpleLazyObject(lambda: pages["sections"]),
        "footer_pages": SimpleLazyObject(lambda: pages["footer"]),
        "nav_version": version,
        "nav_current": SimpleLazyObject(
            lambda: current_section(request.path, pages["sections"])
        ),
        "fragment_seconds": fragments.FRAGMENT_SECONDS,
    }
