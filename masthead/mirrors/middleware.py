"""Serving the site under every registered mirror host.

``MirrorHostMiddleware`` comes first, after the security headers. Django
checks the Host header against ``ALLOWED_HOSTS``, fixed when the process
starts; mirrors are added in the admin while the site runs. So the settings
(``masthead/settings/site.py``) let every host
through Django's check ("*") and this middleware checks instead: the other
entries of ``ALLOWED_HOSTS`` (SITE_URL's host among them) and the served
mirrors of the registry pass, any other host gets 400, before the page cache
is consulted. It also sends plain http to https on the same host (never on
an onion host, which answers http only), and announces the onion service
(``Onion-Location``) on https responses.
"""

import re

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port, validate_host
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from masthead.mirrors import selectors


class MirrorHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() still refuses a malformed host.
        host = request.get_host()
        domain = split_domain_port(host)[0]
        if settings.MIRRORS_CHECK_HOSTS and not self.allowed(domain):
            raise DisallowedHost(
                f"Invalid HTTP_HOST header: {domain!r} is neither in "
                "ALLOWED_HOSTS nor a served mirror."
            )
        if self.to_https(request, domain):
            return HttpResponsePermanentRedirect(
                f"https://{host}{request.get_full_path()}"
            )
        response = self.get_response(request)
        if request.is_secure() and not domain.endswith(".onion"):
            onion = selectors.onion_mirror()
            if onion is not None and "Onion-Location" not in response:
                response["Onion-Location"] = onion.url + request.get_full_path()
        return response

    @staticmethod
    def allowed(domain: str) -> bool:
        fixed = [pattern for pattern in settings.ALLOWED_HOSTS if pattern != "*"]
        return validate_host(domain, fixed) or selectors.serves_host(domain)

    @staticmethod
    def to_https(request, domain: str) -> bool:
        """Django's SECURE_SSL_REDIRECT, on the same host, never on an onion one."""
        if not settings.MIRRORS_SSL_REDIRECT or request.is_secure():
            return False
        if domain.endswith(".onion"):
            return False
        path = request.path.lstrip("/")
        return not any(
            re.search(pattern, path) for pattern in settings.SECURE_REDIRECT_EXEMPT
        )


class ValidatorsMiddleware:
    """Give public pages an ETag and a Last-Modified before the page cache keeps them.

    Sits just below the page cache, so that a cached page carries the
    validators it was stored with and a hit costs no hashing; Django's
    ConditionalGetMiddleware, just above the page cache, answers 304 to a
    matching If-None-Match or If-Modified-Since, hits and misses alike.
    Last-Modified is the time the page was rendered: every change renders
    pages afresh (see masthead.pagecache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and "public" in response.get("Cache-Control", "")
        ):
            if not response.has_header("ETag"):
                set_response_etag(response)
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date()
        return response
