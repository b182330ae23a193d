"""Structured data for articles: JSON-LD NewsArticle and Open Graph.

URLs are built for the host the page was requested on, so that a page read
(or shared) on a mirror points to that mirror; only ``rel=canonical``
names the main domain.
"""

import json
from functools import partial

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from masthead.news import body
from masthead.news.models import ArticlePage, CitedSource, rendition_for

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute_url(request, path: str) -> str:
    """``path`` on the requested host; on SITE_URL when there is no request."""
    if request is None:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


LEAD_IMAGE_FILTER = "width-1200|format-jpeg"


def lead_image_url(article: ArticlePage, request=None) -> str | None:
    if not article.lead_image:
        return None
    rendition = rendition_for(article.lead_image, LEAD_IMAGE_FILTER)
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


SOURCE_CREDITS = {
    CitedSource.Verb.REPORTED: _("%(source)s reported"),
    CitedSource.Verb.SAID: _("%(source)s said"),
    CitedSource.Verb.ACCORDING_TO: _("According to %(source)s"),
    CitedSource.Verb.NONE: "%(source)s",
}


@register.simple_tag
def source_credit(source: CitedSource) -> str:
    """Return how the article credits ``source``, in the editor's words."""
    if source.url:
        name = format_html(
            '<a href="{}" rel="noopener noreferrer">{}</a>', source.url, source.name
        )
    else:
        name = escape(source.name)
    pattern = SOURCE_CREDITS.get(source.verb, "%(source)s")
    return mark_safe(escape(pattern) % {"source": name})  # noqa: S308 - parts escaped


@register.filter
def machine_datetime(value) -> str:
    """Return ``value`` as HTML's ``<time datetime>`` wants it: whole seconds.

    ``|date:'c'`` prints microseconds, which the HTML standard does not allow
    beyond three digits.
    """
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.simple_tag(takes_context=True)
def article_jsonld(context, article: ArticlePage) -> str:
    request = context.get("request")
    payload = json.dumps(news_article(article, request), ensure_ascii=False)
    return mark_safe(  # noqa: S308 - JSON with <, > and & escaped cannot close the tag
        '<script type="application/ld+json">'
        + payload.translate(_JSON_ESCAPES)
        + "</script>"
    )


# The territory Open Graph pairs with a bare language code (og:locale wants
# ll_TT); a language not listed pairs with its own code (de -> de_DE).
OG_TERRITORIES = {
    "ar": "AR", "be": "BY", "cs": "CZ", "da": "DK", "el": "GR", "en": "US",
    "fa": "IR", "he": "IL", "hy": "AM", "ja": "JP", "ka": "GE", "kk": "KZ",
    "ko": "KR", "ky": "KG", "sr": "RS", "sv": "SE", "tg": "TJ", "uk": "UA",
    "zh": "CN",
}  # fmt: skip


def og_locale(language: str) -> str:
    """Return ``language`` (en, en-gb, pt-BR) in Open Graph's form (en_US)."""
    code, _, territory = language.replace("_", "-").partition("-")
    code = code.lower()
    territory = territory.upper() or OG_TERRITORIES.get(code, code.upper())
    return f"{code}_{territory}"


@register.simple_tag(takes_context=True)
def article_open_graph(context, article: ArticlePage) -> str:
    request = context.get("request")
    tags = [
        ("og:type", "article"),
        ("og:site_name", settings.WAGTAIL_SITE_NAME),
        ("og:title", article.title),
        ("og:description", article.standfirst),
        ("og:url", absolute_url(request, article.url)),
        ("og:locale", og_locale(article.language)),
        ("article:published_time", article.first_published_at.isoformat()),
    ]
    if article.updated_at:
        tags.append(("article:modified_time", article.updated_at.isoformat()))
    if article.section:
        tags.append(("article:section", article.section.title))
    tags += [("article:tag", tag.name) for tag in article.tag_list]
    if article.lead_image:
        rendition = rendition_for(article.lead_image, LEAD_IMAGE_FILTER)
        tags += [
            ("og:image", absolute_url(request, rendition.url)),
            ("og:image:type", "image/jpeg"),
            ("og:image:width", str(rendition.width)),
            ("og:image:height", str(rendition.height)),
            ("og:image:alt", article.lead_image.alt),
        ]
    card = "summary_large_image" if article.lead_image else "summary"
    # Open Graph is read from property=, Twitter's cards from name=.
    return mark_safe(  # noqa: S308 - every value is escaped by format_html
        "\n".join(
            [
                *(
                    format_html('<meta property="{}" content="{}">', name, value)
                    for name, value in tags
                ),
                format_html('<meta name="twitter:card" content="{}">', card),
            ]
        )
    )


@register.simple_tag(takes_context=True)
def article_body(context, page: ArticlePage) -> str:
    """The article's body, with what other apps insert after its paragraphs."""
    return body.render_body(context, page)


@register.simple_tag(takes_context=True)
def after_article(context, page: ArticlePage) -> str:
    """What other apps append at the end of the article (an appeal, say)."""
    return body.render_after_article(context, page)
