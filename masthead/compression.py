"""Compressed responses: brotli or gzip, as the client asks.

The page cache keeps each anonymous page compressed both ways when it stores
it, so a hit costs no compression; ``CompressionMiddleware`` compresses the
other anonymous responses (searches past the cache, 404 pages, feeds while
the cache is cold). Brotli (the ``brotli`` package) makes HTML about a fifth
smaller than gzip does, which matters to readers on slow, filtered networks.

Only responses that carry nothing secret are compressed. A compressed
response whose body mixes a secret (a CSRF token, a session's data) with
text an attacker chose leaks the secret through its length (BREACH). So
responses to requests with cookies, responses that set cookies or used a
CSRF token, and private or no-store responses are sent uncompressed; what is
left was built for anyone, from the URL alone.
"""

import functools
import gzip

import brotli
from django.utils.cache import patch_vary_headers

# Below this many bytes, compression saves less than a packet.
MIN_SIZE = 512
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/feed+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
)
# Quick to make (about a millisecond for a 20 KB page), within a few percent
# of the smallest output: pages are compressed on every cache miss.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6


def compressible(content_type: str) -> bool:
    return content_type.lower().startswith(COMPRESSIBLE_TYPES)


@functools.lru_cache(maxsize=512)
def negotiate(accept_encoding: str) -> str:
    """Return "br", "gzip" or "identity": the best the client accepts.

    ``Accept-Encoding`` with its q-values (RFC 9110 12.5.3); a coding given
    q=0 is refused, ``*`` stands for the codings not named.
    """
    weights: dict[str, float] = {}
    for part in accept_encoding.split(","):
        coding, _, params = part.partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        weight = 1.0
        params = params.strip().lower()
        if params.startswith("q="):
            try:
                weight = float(params[2:])
            except ValueError:
                weight = 0.0
        weights[coding] = weight
    star = weights.get("*", 0.0)
    best, best_weight = "identity", 0.0
    for coding in ("br", "gzip"):
        weight = weights.get(coding, star)
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


def compress(body: bytes, coding: str) -> bytes:
    if coding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY)
    # mtime=0: the same page always compresses to the same bytes.
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def weak_etag(etag: str) -> str:
    """A compressed body is another representation: its ETag is the weak one."""
    return etag if etag.startswith("W/") else f"W/{etag}"


class CompressionMiddleware:
    """Compress anonymous responses that the page cache did not already."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not self._compressible(response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if self._carries_secrets(request, response):
            return response
        coding = negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if coding == "identity":
            return response
        compressed = compress(response.content, coding)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = coding
        if response.has_header("ETag"):
            response["ETag"] = weak_etag(response["ETag"])
        return response

    @staticmethod
    def _compressible(response) -> bool:
        return (
            not response.streaming
            and not response.has_header("Content-Encoding")
            and compressible(response.get("Content-Type", ""))
            and len(response.content) >= MIN_SIZE
        )

    @staticmethod
    def _carries_secrets(request, response) -> bool:
        cache_control = response.get("Cache-Control", "").lower()
        return bool(
            request.META.get("HTTP_COOKIE")
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or "private" in cache_control
            or "no-store" in cache_control
        )
