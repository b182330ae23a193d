"""The export's ``/sitemap.xml``: the bytes the site serves, written without
the sitemap template.

The site's sitemap lists every live public page through Django's sitemap
view: one page object, one ``get_url`` and one pass of the template's loop a
page, about 0.2 ms each (2 s for an archive of 10,000 articles, on every
export that follows an edit, since an edit changes one ``<lastmod>``). Here
the pages are read in one query of their paths and dates and the same
markup is joined as strings; authors and tags, a few dozen, go through their
own sitemaps. A sitemap this cannot write as the view would (a second page,
alternates for translations) is left to the view: ``render`` returns None.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.utils.html import conditional_escape
from django.utils.timezone import get_current_timezone, is_aware
from wagtail.models import Site

from masthead.news.sitemaps import PageSitemap, sitemaps_for

PATH = "/sitemap.xml"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
TAIL = "\n</urlset>\n"


def _lastmod(value, zone) -> str:
    """``{{ lastmod|date:"Y-m-d" }}`` as the template writes it (``zone``:
    the current time zone when aware datetimes are shown in it)."""
    if not value:
        return ""
    if zone is not None and isinstance(value, datetime) and is_aware(value):
        value = value.astimezone(zone)
    return f"<lastmod>{value:%Y-%m-%d}</lastmod>"


def _zone():
    return get_current_timezone() if settings.USE_TZ else None


def _entry(url: dict) -> str:
    """One ``<url>`` of Django's ``sitemap.xml`` template (inside spaceless)."""
    text = f"<url><loc>{conditional_escape(url['location'])}</loc>"
    text += _lastmod(url["lastmod"], _zone())
    if url["changefreq"]:
        text += f"<changefreq>{conditional_escape(url['changefreq'])}</changefreq>"
    if url["priority"]:
        text += f"<priority>{conditional_escape(url['priority'])}</priority>"
    return text + "</url>"


def _pages(sitemap: PageSitemap, site: Site, base: str) -> list[str] | None:
    """The pages' entries, from their paths and dates (None: leave it to
    the view)."""
    if type(sitemap) is not PageSitemap or sitemap.i18n:
        return None  # a sitemap of other locations, dates or alternates
    if any(getattr(sitemap, name, None) for name in ("priority", "changefreq")):
        return None
    items = sitemap.items()
    if not hasattr(items, "values_list"):
        return None
    rows = list(items.values_list("url_path", "last_published_at"))
    if len(rows) > sitemap.limit:
        return None
    # Page.get_url under the request's own site: the path below its root.
    cut = len(site.root_page.url_path) - 1
    zone = _zone()
    entries = []
    for url_path, published in rows:
        if not url_path.startswith(site.root_page.url_path):
            return None
        location = conditional_escape(base + url_path[cut:])
        entries.append(f"<url><loc>{location}</loc>{_lastmod(published, zone)}</url>")
    return entries


def render(request, site: Site | None) -> bytes | None:
    """Return ``/sitemap.xml`` as the site serves it, or None if this cannot."""
    if site is None or request.GET:
        return None
    base = f"{request.scheme}://{request.get_host()}"
    entries = []
    for sitemap in sitemaps_for(request).values():
        if isinstance(sitemap, PageSitemap):
            pages = _pages(sitemap, site, base)
            if pages is None:
                return None
            entries += pages
            continue
        urls = sitemap.get_urls(site=RequestSite(request), protocol=request.scheme)
        if any(url["alternates"] for url in urls) or sitemap.paginator.num_pages > 1:
            return None
        entries += [_entry(url) for url in urls]
    return (HEAD + "".join(entries) + TAIL).encode()
