"""Full-text feeds: RSS 2.0, Atom and JSON Feed 1.1, site-wide and per section.

All three are one ``Feed`` (Django's syndication framework) with a writer
each, so titles, ids, dates, authors and tags are worked out once.

Links are made absolute with the host the feed was requested on, so a feed
fetched through a mirror points readers back to that mirror.

Feed readers render RSS ``description`` and Atom ``<summary type="html">``
as HTML, so the plain text put there (the standfirst, a section's intro) is
HTML-escaped first; the XML writer then escapes it once more, as XML. Fields
that the formats define as text (titles, names, categories, Atom's subtitle)
are only XML-escaped, and the body is cleaned HTML.
"""

import json
from urllib.parse import urljoin

import nh3
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.utils.feedgenerator import (
    Atom1Feed,
    Enclosure,
    Rss201rev2Feed,
    SyndicationFeed,
)
from django.utils.html import escape

from masthead.mirrors.feeds import feed_note
from masthead.news import selectors
from masthead.news.fragments import FRAGMENT_SECONDS
from masthead.news.models import ArticlePage, SectionPage, rendition_for

FEED_TAGS = {
    "p", "h2", "h3", "blockquote", "figure", "figcaption", "img", "a", "em",
    "strong", "b", "i", "ul", "ol", "li", "cite", "br", "small",
}  # fmt: skip
FEED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}


def _clean_body(article: ArticlePage, base_url: str) -> str:
    def absolute(tag: str, attribute: str, value: str) -> str:
        if attribute in ("href", "src"):
            return urljoin(base_url, value)
        return value

    html = article.body.render_as_block()
    return nh3.clean(
        str(html),
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        attribute_filter=absolute,
        link_rel=None,
    )


def body_html(article: ArticlePage, base_url: str) -> str:
    """Return the article body as clean HTML with absolute links.

    Cached by the article's live revision (masthead.news.fragments): a feed
    carries thirty bodies, each with its own images to read.
    """
    key = f"news:feed-body:{article.fragment_version}:{base_url}"
    html = cache.get(key)
    if html is None:
        html = _clean_body(article, base_url)
        cache.set(key, html, FRAGMENT_SECONDS)
    return html + feed_note(base_url)


LEAD_IMAGE_FILTER = "width-1200|format-jpeg"


def lead_image(article: ArticlePage, base_url: str) -> dict | None:
    """Return the feeds' rendition of the article's lead image, if it has one."""
    if not article.lead_image:
        return None
    rendition = rendition_for(article.lead_image, LEAD_IMAGE_FILTER)
    try:
        length = rendition.file.size
    except OSError:
        length = 0
    return {
        "url": urljoin(base_url, rendition.url),
        "length": str(length),
        "mime_type": "image/jpeg",
        "width": str(rendition.width),
        "height": str(rendition.height),
        "alt": article.lead_image.alt,
    }


def feed_authors(article: ArticlePage, base_url: str) -> list[tuple[str, str]]:
    """Return each author of the article as (name, absolute URL of their page)."""
    return [
        (author.name, urljoin(base_url, author.get_absolute_url()))
        for author in article.authors
    ]


class FullTextRss(Rss201rev2Feed):
    """RSS 2.0 with the whole article in ``content:encoded``.

    Each author is a ``dc:creator`` of their own (RSS's ``author`` wants an
    email address); the lead image is the enclosure and a Media RSS
    ``media:content`` with its size and alt text.
    """

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        attributes["xmlns:dc"] = "http://purl.org/dc/elements/1.1/"
        attributes["xmlns:media"] = "http://search.yahoo.com/mrss/"
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_html"])
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if image := item["image"]:
            handler.startElement(
                "media:content",
                {
                    "url": image["url"],
                    "medium": "image",
                    "type": image["mime_type"],
                    "width": image["width"],
                    "height": image["height"],
                },
            )
            handler.addQuickElement("media:description", image["alt"])
            handler.endElement("media:content")


class FullTextAtom(Atom1Feed):
    """Atom with the whole article as HTML ``content``; one ``author`` each."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class RssFeed(Feed):
    feed_type = FullTextRss

    def __init__(self, section: SectionPage | None = None):
        super().__init__()
        self.section = section

    def __call__(self, request, *args, **kwargs):
        self.base_url = request.build_absolute_uri("/")
        return super().__call__(request, *args, **kwargs)

    def title(self):
        name = settings.WAGTAIL_SITE_NAME
        return f"{self.section.title} · {name}" if self.section else name

    def link(self):
        return self.section.get_url() if self.section else "/"

    def description_text(self) -> str:
        if self.section and self.section.intro:
            return self.section.intro
        return f"The latest from {settings.WAGTAIL_SITE_NAME}"

    def description(self):
        return escape(self.description_text())  # RSS readers take it as HTML

    def feed_url(self):
        return None

    def items(self):
        return selectors.latest_articles(section=self.section)

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        # RSS description and Atom <summary type="html"> are HTML.
        return escape(item.standfirst)

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url()

    def item_guid(self, item: ArticlePage) -> str:
        return urljoin(self.base_url, item.get_url())

    def item_pubdate(self, item: ArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage):
        return item.updated_at or item.first_published_at

    def item_author_name(self, item: ArticlePage) -> None:
        return None  # every author is written out (feed_authors)

    def item_enclosures(self, item: ArticlePage) -> list[Enclosure]:
        image = lead_image(item, self.base_url)
        if image is None:
            return []
        return [Enclosure(image["url"], image["length"], image["mime_type"])]

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [tag.name for tag in item.tag_list]

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        return {
            "content_html": body_html(item, self.base_url),
            "authors": feed_authors(item, self.base_url),
            "image": lead_image(item, self.base_url),
            "summary": item.standfirst,  # plain text, for JSON Feed
            "language": item.language,
        }


class AtomFeed(RssFeed):
    feed_type = FullTextAtom

    def subtitle(self):
        return self.description_text()  # Atom text: the XML writer escapes it


class JsonFeedWriter(SyndicationFeed):
    """JSON Feed 1.1, written from the same feed and items as RSS and Atom."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = self.feed
        document = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "language": feed["language"],
            "items": [self.item(item) for item in self.items],
        }
        outfile.write(json.dumps(document, ensure_ascii=False, indent=1))

    @staticmethod
    def item(item: dict) -> dict:
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item["summary"],
            "content_html": item["content_html"],
            "date_published": item["pubdate"].isoformat(),
            "date_modified": item["updateddate"].isoformat(),
            "authors": [{"name": name, "url": url} for name, url in item["authors"]],
            "tags": list(item["categories"]),
            "language": item["language"],
        }
        if image := item["image"]:
            entry["image"] = image["url"]
        return entry


class JsonFeed(RssFeed):
    feed_type = JsonFeedWriter

    @property
    def language(self) -> str:
        return settings.LANGUAGE_CODE
