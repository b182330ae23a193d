"""Caching of anonymous reader pages.

``PublicCacheHeadersMiddleware`` marks anonymous GET responses as publicly
cacheable, for browsers and any CDN in front. The page cache
(masthead.pagecache) keeps those responses, answered at the WSGI level or,
under servers that skip it, by ``PageCacheMiddleware``. A signed-in session
carries a signal cookie (``SignedInSignalMiddleware``) that the cache checks
with one HMAC; ``MissLimitMiddleware`` bounds the misses a query can cause.
"""

import math

from csp.constants import SELF
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from masthead import compression, pagecache, ratelimit
from masthead.security import client_address

# Staff pages are never public.
PRIVATE_PREFIXES = ("/admin/", "/django-admin/")


def _is_anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


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
    """The page cache inside Django, for servers that skip masthead.wsgi.

    First in the stack. Under ``masthead.wsgi`` the WSGI layer has answered
    (``pagecache.HANDLED``) and this passes the request on; under the test
    client, runserver or a live-server test it does what that layer does,
    with the same keys and entries.
    """

    header = pagecache.MARKER

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        environ = request.META
        if pagecache.HANDLED in environ:
            return self.get_response(request)
        plan = pagecache.plan(environ)
        if plan is None:
            return self.get_response(request)
        entry = pagecache.get(plan.key)
        if entry is not None:
            return self._response(entry, environ, "hit")
        asked = pagecache.begin_miss(environ, plan)
        response = self.get_response(request)
        if not pagecache.storable(response):
            return response
        # The handler closes the response returned (request_finished).
        entry = pagecache.entry_for(response)
        if asked["REQUEST_METHOD"] == "GET":
            pagecache.store(plan.key, entry)
        return self._response(entry, asked, "miss")

    @staticmethod
    def _response(entry, asked, marker) -> HttpResponse:
        status, reason, headers, body = pagecache.answer(entry, asked, marker)
        response = HttpResponse(body, status=status, reason=reason)
        for name, value in headers:
            response[name] = value
        return response


class SignedInSignalMiddleware:
    """Keep the signal cookie that lets a signed-in session past the page cache.

    Just above SessionMiddleware, so that it sees the session cookie that
    the response sets (a sign-in gives the session a new key). A session
    that holds a signed-in user (or a page password a reader gave) gets
    ``pagecache.SIGNAL_COOKIE``, an HMAC of the session key; any other
    session loses it. Requests without a session cookie are left alone:
    anonymous pages never set a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        name = settings.SESSION_COOKIE_NAME
        signal = request.COOKIES.get(pagecache.SIGNAL_COOKIE)
        if name not in response.cookies and name not in request.COOKIES:
            if signal is not None:
                self._delete(response)
            return response
        session = getattr(request, "session", None)
        session_key = session.session_key if session is not None else None
        if name in response.cookies and not response.cookies[name].value:
            session_key = None  # the session was flushed: signed out
        live = session_key is not None and any(
            key in session for key in pagecache.SIGNED_IN_SESSION_KEYS
        )
        if live:
            expected = pagecache.signal_for(session_key)
            if signal != expected:
                self._set(response, expected, session)
        elif signal is not None:
            self._delete(response)
        return response

    @staticmethod
    def _set(response, value: str, session) -> None:
        max_age = None
        if not session.get_expire_at_browser_close():
            max_age = session.get_expiry_age()
        response.set_cookie(
            pagecache.SIGNAL_COOKIE,
            value,
            max_age=max_age,
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )

    @staticmethod
    def _delete(response) -> None:
        response.delete_cookie(
            pagecache.SIGNAL_COOKIE,
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )


class MissLimitMiddleware:
    """Bound the page-cache misses that query parameters cause, per address.

    Every distinct search (or page number) is a miss that renders; a flood
    of them would otherwise reach the database at will. Misses with a query
    are counted per reader address (as an HMAC, in the database or Redis,
    where no flood of pages evicts the count: masthead.ratelimit); past the
    limit the reader gets 429 and a page saying when to try again. Hits are
    never counted, and other addresses are not affected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(pagecache.QUERY_MISS):
            limit = settings.PAGE_CACHE_MISS_LIMIT
            attempt = ratelimit.count(
                "page-miss-ip", client_address(request), window=limit["WINDOW"]
            )
            if limit["PER_IP"] > 0 and attempt.hits > limit["PER_IP"]:
                return self._too_many(request, attempt)
        return self.get_response(request)

    @staticmethod
    def _too_many(request, attempt) -> HttpResponse:
        seconds = max(1, math.ceil(attempt.seconds_left()))
        # No context processors: a flood of these costs no query.
        page = render_to_string(
            "429.html",
            {"minutes": math.ceil(seconds / 60), "LANGUAGE_CODE": get_language()},
        )
        response = HttpResponse(page, status=429)
        response["Retry-After"] = str(seconds)
        response["Cache-Control"] = "no-store"
        return response


class CompressionMiddleware:
    """Compress what the page cache does not keep (masthead.compression).

    Below the page cache. A page it will store is left alone: it keeps the
    page compressed both ways. Responses that used a CSRF token are never
    compressed, nor any to a request with cookies (BREACH).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        meta = request.META
        deferred = meta.get(pagecache.DEFERRED_ENCODING)
        if deferred is not None and pagecache.storable(response):
            return response
        compression.compress_response(
            response,
            meta.get("HTTP_ACCEPT_ENCODING", deferred or ""),
            request_cookies=bool(
                meta.get("HTTP_COOKIE") or meta.get("CSRF_COOKIE_NEEDS_UPDATE")
            ),
        )
        return response


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
