"""Structured data for articles: JSON-LD NewsArticle and Open Graph.

URLs are built for the host the page was requested on, so that a page read
(or shared) on a mirror points to that mirror; only ``rel=canonical``
names the main domain.
"""

import json
from functools import partial

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from masthead.news.models import ArticlePage

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute_url(request, path: str) -> str:
    """``path`` on the requested host; on SITE_URL when there is no request."""
    if request is None:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


def lead_image_url(article: ArticlePage, request=None) -> str | None:
    if not article.lead_image:
        return None
    rendition = article.lead_image.get_rendition("width-1200|format-jpeg")
    return absolute_url(request, rendition.url)


def news_article(article: ArticlePage, request=None) -> dict:
    """Return the schema.org NewsArticle of ``article``."""
    url_for = partial(absolute_url, request)
    url = url_for(article.url)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": article.first_published_at.isoformat(),
        "dateModified": (article.updated_at or article.first_published_at).isoformat(),
        "inLanguage": article.language,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": url_for(author.get_absolute_url()),
            }
            for author in article.authors
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": url_for("/"),
        },
        "keywords": [tag.name for tag in article.tag_list],
    }
    if article.section:
        data["articleSection"] = article.section.title
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    image = lead_image_url(article, request)
    if image:
        data["image"] = [image]
    return data


@register.simple_tag(takes_context=True)
def article_jsonld(context, article: ArticlePage) -> str:
    request = context.get("request")
    payload = json.dumps(news_article(article, request), ensure_ascii=False)
    return mark_safe(  # noqa: S308 - JSON with <, > and & escaped cannot close the tag
        '<script type="application/ld+json">'
        + payload.translate(_JSON_ESCAPES)
        + "</script>"
    )


@register.simple_tag(takes_context=True)
def article_open_graph(context, article: ArticlePage) -> str:
    request = context.get("request")
    tags = [
        ("og:type", "article"),
        ("og:site_name", settings.WAGTAIL_SITE_NAME),
        ("og:title", article.title),
        ("og:description", article.standfirst),
        ("og:url", absolute_url(request, article.url)),
        ("og:locale", article.language),
        ("article:published_time", article.first_published_at.isoformat()),
    ]
    if article.updated_at:
        tags.append(("article:modified_time", article.updated_at.isoformat()))
    if article.section:
        tags.append(("article:section", article.section.title))
    tags += [("article:tag", tag.name) for tag in article.tag_list]
    image = lead_image_url(article, request)
    if image:
        tags.append(("og:image", image))
    tags.append(("twitter:card", "summary_large_image" if image else "summary"))
    return mark_safe(  # noqa: S308 - every value is escaped by format_html
        "\n".join(
            format_html('<meta property="{}" content="{}">', name, value)
            for name, value in tags
        )
    )
