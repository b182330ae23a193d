"""Sitemaps: every page, author and tag; and a Google News sitemap."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Site

from masthead.news import selectors
from masthead.news.models import Author

# Google News reads only articles of the last two days.
NEWS_SITEMAP_HOURS = 48


class PageSitemap(Sitemap):
    """Every live public page, with links on the host that was asked."""

    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .only("path", "depth", "url_path", "last_published_at")
        )

    def location(self, page) -> str:
        return page.get_url(request=self.request)

    def lastmod(self, page):
        return page.last_published_at


class AuthorSitemap(Sitemap):
    def items(self):
        return selectors.authors_with_latest()

    def lastmod(self, author: Author):
        return author.latest


class TagSitemap(Sitemap):
    def items(self):
        return selectors.listed_tags()

    def location(self, tag: Tag) -> str:
        return reverse("news:tag", kwargs={"slug": tag.slug})


def sitemaps_for(request) -> dict[str, Sitemap]:
    return {
        "pages": PageSitemap(request),
        "authors": AuthorSitemap(),
        "tags": TagSitemap(),
    }
