"""Checks shared by the forms and endpoints that take no CSRF cookie."""

import functools
import ipaddress
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def trusted_proxies() -> list[IPv4Network | IPv6Network]:
    """The networks of TRUSTED_PROXIES; ValueError names a bad entry."""
    return _networks(tuple(settings.TRUSTED_PROXIES))


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> list[IPv4Network | IPv6Network]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ValueError(f"TRUSTED_PROXIES: {entry!r} is not an address") from error
    return networks


def _address(text: str) -> IPv4Address | IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address: IPv4Address | IPv6Address | None) -> bool:
    if address is None:
        return False
    if isinstance(address, IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in trusted_proxies())


def client_address(request) -> str:
    """The reader's address, for rate limits only: never log or store it.

    Behind a proxy every request comes from the proxy; the proxy then passes
    the address in the header named by CLIENT_ADDRESS_HEADER (X-Real-IP in
    docs/deploy.md). The header is believed only from an address listed in
    TRUSTED_PROXIES: anyone else could send a new one with each request.
    In a list (X-Forwarded-For), the last address that is not itself a
    trusted proxy is the reader's; the ones before it are the client's say.
    The rate limits keep only an HMAC of it (masthead.ratelimit).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.CLIENT_ADDRESS_HEADER
    if not header or not _is_trusted(_address(remote)):
        return remote
    for hop in reversed(request.headers.get(header, "").split(",")):
        address = _address(hop)
        if address is None:
            break  # a malformed list: count it against the proxy itself
        if not _is_trusted(address):
            return str(address)
    return remote


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
