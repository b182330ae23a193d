"""Caching of anonymous reader pages.

``PublicCacheHeadersMiddleware`` marks anonymous GET responses as publicly
cacheable, for browsers and any CDN in front. ``PageCacheMiddleware`` keeps
those responses in the server's cache, so that a hit skips the whole stack.
"""

from csp.constants import SELF
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from masthead import pagecache

# Staff pages are never public.
PRIVATE_PREFIXES = ("/admin/", "/django-admin/")
# Files are served (and given their own headers) further down the stack.
FILE_PREFIXES = ("/static/", "/media/")


def _is_anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def _is_cacheable_page_request(request) -> bool:
    return _is_anonymous_read(request) and not request.path.startswith(FILE_PREFIXES)


class PublicCacheHeadersMiddleware:
    """Send ``Cache-Control: public, max-age=…`` on anonymous reader pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if request.path.startswith(PRIVATE_PREFIXES):
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # A signed-in editor may see a page no reader should get from a CDN.
            patch_cache_control(response, private=True, no_cache=True)
        elif _is_anonymous_read(request) and not response.cookies:
            patch_cache_control(
                response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE
            )
        return response


class PageCacheMiddleware:
    """Serve anonymous pages from the cache before any other middleware runs."""

    header = "X-Page-Cache"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SERVER_TIMEOUT <= 0:  # off, e.g. to measure renders
            return self.get_response(request)
        if not _is_cacheable_page_request(request):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            host = None
        if host is None:
            # Outside the except clause: the error the stack below raises for
            # this host is logged once, not chained to this one.
            return self.get_response(request)
        key = pagecache.key(
            generation=pagecache.generation(),
            scheme=request.scheme,
            host=host,
            full_path=request.get_full_path(),
        )
        entry = pagecache.cache.get(key)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[self.header] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self._storable(response):
            headers = [
                (name, value) for name, value in response.items() if name != self.header
            ]
            pagecache.cache.set(
                key,
                (response.status_code, headers, response.content),
                settings.PAGE_CACHE_SERVER_TIMEOUT,
            )
            response[self.header] = "miss"
        return response

    @staticmethod
    def _storable(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in cache_control
            and "cookie" not in response.get("Vary", "").lower()
        )


class PreviewFramingMiddleware:
    """Let the admin frame its own previews, and nothing else frame anything.

    Wagtail renders a preview by running a dummy request (``is_dummy``)
    through this same stack. The reader pages' ban on framing (CSP
    ``frame-ancestors 'none'``, ``X-Frame-Options: DENY``) would leave the
    admin's preview panel blank, so previews may be framed by our own origin.
    Sits below the CSP and clickjacking middleware and uses what they honour:
    django-csp's per-response replacement, and an X-Frame-Options already set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            response._csp_replace = {"frame-ancestors": [SELF]}
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
