"""Sitemaps: every page, author and tag; and a Google News sitemap."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from masthead.news.models import ArticlePage, Author

# Google News reads only articles of the last two days.
NEWS_SITEMAP_HOURS = 48


class AuthorSitemap(Sitemap):
    def items(self):
        return Author.objects.order_by("slug")

    def lastmod(self, author: Author):
        return (
            ArticlePage.objects.live()
            .filter(article_authors__author=author)
            .aggregate(latest=Max("first_published_at"))["latest"]
        )


class TagSitemap(Sitemap):
    def items(self):
        return (
            Tag.objects.filter(news_articletag_items__content_object__live=True)
            .distinct()
            .order_by("slug")
        )

    def location(self, tag: Tag) -> str:
        return reverse("news:tag", kwargs={"slug": tag.slug})


SITEMAPS = {"pages": PageSitemap, "authors": AuthorSitemap, "tags": TagSitemap}
