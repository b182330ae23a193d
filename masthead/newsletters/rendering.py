"""Editions as email and as a web page: the same content, links absolute.

Every link in an email points to the newsletter's host (the main domain or
the mirror it is set to). Nothing in it identifies the reader but the
unsubscribe link, which must.
"""

import re
from dataclasses import dataclass
from functools import cache

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from masthead.funding import selectors as funding_selectors
from masthead.mirrors import selectors as mirror_selectors
from masthead.mirrors.models import Kind

# Root-relative links and sources, as Wagtail writes them in rich text.
_RELATIVE = re.compile(r'(\b(?:href|src)=")/(?!/)')


@dataclass(frozen=True)
class RenderedEdition:
    subject: str
    html: str
    text: str


@cache
def _inliner() -> css_inline.CSSInliner:
    # @media rules (dark mode) cannot be inlined: keep them in <style>.
    # Never fetch a stylesheet from anywhere.
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def base_url(newsletter) -> str:
    """The scheme and host every link of ``newsletter``'s emails points to."""
    mirror = newsletter.link_mirror
    if mirror is None:
        return settings.SITE_URL.rstrip("/")
    return mirror_selectors.base_url_for(mirror.host)


def absolutize(html: str, base: str) -> str:
    return _RELATIVE.sub(lambda match: f"{match.group(1)}{base}/", html)


def _article_path(article) -> str:
    parts = article.get_url_parts()
    return parts[2] if parts else "/"


def _mirrors() -> dict:
    served = [
        mirror
        for mirror in mirror_selectors.served_mirrors()
        if mirror.kind == Kind.WEB and not mirror.is_download
    ]
    return {"web": served, "onion": mirror_selectors.onion_mirror()}


def _appeal() -> dict:
    progress = funding_selectors.goal_progress()
    return {"progress": progress}


def edition_context(
    edition, *, unsubscribe_url: str = "", preferences_url: str = ""
) -> dict:
    newsletter = edition.newsletter
    base = base_url(newsletter)
    articles = []
    for article in edition.articles:
        image = None
        if article.lead_image_id:
            rendition = article.lead_image.get_rendition("width-600")
            image = {"src": rendition.url, "alt": article.lead_image.alt}
        articles.append(
            {
                "headline": article.title,
                "standfirst": article.standfirst,
                "url": base + _article_path(article),
                "body": article.body if newsletter.full_text else None,
                "body_text": (
                    strip_tags(str(article.body)).strip()
                    if newsletter.full_text
                    else ""
                ),
                "image": image,
            }
        )
    return {
        "edition": edition,
        "newsletter": newsletter,
        "base": base,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "articles": articles,
        "mirrors": _mirrors(),
        "appeal": _appeal(),
        "web_url": base + edition.get_url(),
        "signup_url": base + "/newsletters/",
        "support_url": base + "/support/",
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": preferences_url,
    }


def render_edition(
    edition, *, unsubscribe_url: str = "", preferences_url: str = ""
) -> RenderedEdition:
    """Render ``edition`` as one reader gets it (the two links are theirs)."""
    context = edition_context(
        edition, unsubscribe_url=unsubscribe_url, preferences_url=preferences_url
    )
    with translation.override(edition.newsletter.language):
        html = render_to_string("newsletters/email/edition.html", context)
        text = render_to_string("newsletters/email/edition.txt", context)
    html = _inliner().inline(absolutize(html, context["base"]))
    return RenderedEdition(subject=edition.subject, html=html, text=text)
