"""Parts of reader pages that rarely change, cached by version.

Two versions decide when a part is rendered again (see masthead.pagecache):

- ``version("news")``, the publication's shared parts: the Wagtail site and
  its front page, the navigation, authors, tags and images. Renewed when
  one of them changes (``news_changed``), not when an article is published.
- ``generation()``, every page: renewed by any publication. "Read more" and
  "More in section" show other articles, so they are cached by it.

An article's own parts (head, byline, sources, tags) are cached by its live
revision as well as ``version("news")``: publishing another article leaves
them fresh.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from masthead import pagecache
from masthead.memo import parts_kept

NEWS = "news"
# An upper bound only: each part is renewed by its version long before.
FRAGMENT_SECONDS = 24 * 3600
_MISSING = object()
# Raised when what a part holds changes shape, so that a new release never
# reads the old release's parts.
SCHEMA = 1


def news_version() -> int:
    """Read once per request under SiteMiddleware (``versions_per_request``)."""
    return pagecache.version(NEWS)


def news_changed(**kwargs) -> None:
    """The publication's shared parts changed: renew them and every page."""
    pagecache.changed(NEWS)


def cached(name: str, build, *, version: int | None = None):
    """Return the part ``name`` under ``version`` (default ``news_version()``)."""
    key = f"news:part:{SCHEMA}:{news_version() if version is None else version}:{name}"
    kept = parts_kept()  # the static export's, for the whole export
    value = _MISSING if kept is None else kept.get(key, _MISSING)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, FRAGMENT_SECONDS)
    if kept is not None:
        kept[key] = value
    return value


def _find_site(request) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        # The front page routes every request: keep it with the site.
        site.root_page = site.root_page.specific
    return site


def site_for_request(request) -> Site | None:
    """Return the Wagtail site of ``request`` and its front page, without a query.

    Wagtail asks the database for the site on every request (about a third
    of a cheap render); the answer changes only when a site or the front
    page does.
    """
    hostname = split_domain_port(request._get_raw_host())[0]
    return cached(f"site:{hostname}:{request.get_port()}", lambda: _find_site(request))


class SiteMiddleware:
    """Give Wagtail the request's site from the cache (``request._wagtail_site``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    # Paths that never ask for a site; the health check must not touch the
    # cache or the database beyond its own query.
    skipped = ("/healthz", "/static/", "/media/")

    def __call__(self, request):
        if request.path_info.startswith(self.skipped):
            return self.get_response(request)
        # Every version (news, appeals, funding) is read once per request.
        with pagecache.versions_per_request():
            request._wagtail_site = site_for_request(request)
            return self.get_response(request)
