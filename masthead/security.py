"""Checks shared by the forms and endpoints that take no CSRF cookie."""

from django.utils.http import url_has_allowed_host_and_scheme


def same_origin(request) -> bool:
    """Whether a form post came from one of our own pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if origin is None:
        return True  # old browsers and curl; the other defences still apply
    return url_has_allowed_host_and_scheme(
        origin, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
