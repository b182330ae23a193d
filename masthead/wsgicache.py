"""The page cache at the WSGI level: hits answered before Django builds a request.

``masthead.wsgi`` wraps Django's application in ``PageCacheApplication``.
"""

import time

from django.http.request import split_domain_port

from masthead import pagecache
from masthead.mirrors.middleware import MirrorHostMiddleware
from masthead.pagecache.hot import hot


class PageCacheApplication:
    """Answer cached pages before Django builds a request (masthead.wsgi).

    A hit is a dictionary lookup in this process's memory (or one get from
    the shared cache) and the stored bytes. A miss goes to Django with the
    request made clean (``begin_miss``); the response is stored and answered
    like a hit. ``PageCacheMiddleware`` does the same inside Django for the
    servers that do not go through this module (the test client, runserver).
    """

    def __init__(self, application):
        self.application = application
        # Host header -> (served, when checked): the check costs more than
        # the rest of a hit. Trusted for MIRRORS_REFRESH_SECONDS, as the
        # registry's snapshot is; made-up hosts cannot grow it past a bound.
        self._hosts: dict[str, tuple[bool, float]] = {}

    def __call__(self, environ, start_response):
        environ[pagecache.HANDLED] = True
        request = pagecache.plan(environ)
        if request is None or not self._host_served(environ):
            # Django answers, or refuses the host (400), as it always does.
            return self.application(environ, start_response)
        entry = pagecache.get(request.key)
        if entry is not None:
            return self._send(entry, environ, "hit", start_response)
        asked = pagecache.begin_miss(environ, request)
        started = []

        def capture(status, headers, exc_info=None):
            started.append((status, headers, exc_info))
            return lambda data: None  # Django never calls write()

        response = self.application(environ, capture)
        if getattr(response, "streaming", True) or not pagecache.storable(response):
            start_response(*started[0])
            return response
        try:
            entry = pagecache.entry_for(response)
        finally:
            response.close()  # request_finished: database connections are tidied
        if asked["REQUEST_METHOD"] == "GET":
            pagecache.store(request.key, entry)
        return self._send(entry, asked, "miss", start_response)

    def _host_served(self, environ) -> bool:
        """MirrorHostMiddleware's check, on hits too: a retired mirror gets 400.

        The registry is this process's snapshot, refreshed every
        MIRRORS_REFRESH_SECONDS; the main host passes without it.
        """
        if not hot.MIRRORS_CHECK_HOSTS:
            return True
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        now = time.monotonic()
        known = self._hosts.get(host)
        if known is not None and now - known[1] < hot.MIRRORS_REFRESH_SECONDS:
            return known[0]
        domain = split_domain_port(host)[0]
        served = bool(domain) and MirrorHostMiddleware.allowed(domain)
        if len(self._hosts) >= 1000:
            self._hosts = {}
        self._hosts[host] = (served, now)
        return served

    @staticmethod
    def _send(entry, asked, marker, start_response):
        status, reason, headers, body = pagecache.answer(entry, asked, marker)
        start_response(f"{status} {reason}", headers)
        return [body]
