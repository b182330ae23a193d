"""Checks shared by the forms and endpoints that take no CSRF cookie."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def client_address(request) -> str:
    """The reader's address, for rate limits only: never log or store it.

    Behind a proxy every request comes from the proxy; the proxy then passes
    the address in the header named by CLIENT_ADDRESS_HEADER (X-Real-IP in
    docs/deploy.md). The rate limits keep only an HMAC of it (masthead.ratelimit).
    """
    header = settings.CLIENT_ADDRESS_HEADER
    if header:
        value = request.headers.get(header, "").split(",")[0].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "")


def same_origin(request) -> bool:
    """Whether a form post came from one of our own pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is not None and origin.strip().lower() == "null":
        # An opaque origin: a sandboxed frame, a data: or file: page, some
        # cross-site redirects. Never one of our own pages.
        return False
    origin = origin or request.headers.get("Referer")
    if origin is None:
        return True  # old browsers and curl; the other defences still apply
    if not urlsplit(origin).netloc:
        return False  # a relative value is no origin: allowed_host would pass it
    return url_has_allowed_host_and_scheme(
        origin, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
