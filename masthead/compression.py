"""Compressed responses: brotli or gzip, as the client asks.

The page cache keeps each anonymous page compressed both ways when it stores
it, so a hit costs no compression; ``CompressionMiddleware``
(masthead.middleware) compresses the other anonymous responses (404 pages,
the 429 page, whatever the cache does not keep). Brotli (the ``brotli``
package) makes HTML about a fifth smaller than gzip does, which matters to
readers on slow, filtered networks.

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


def compress_response(response, accept_encoding: str, *, request_cookies: bool) -> None:
    """Compress ``response`` in place as ``accept_encoding`` asks, if it is safe."""
    if (
        response.streaming
        or response.has_header("Content-Encoding")
        or not compressible(response.get("Content-Type", ""))
        or len(response.content) < MIN_SIZE
    ):
        return
    patch_vary_headers(response, ("Accept-Encoding",))
    cache_control = response.get("Cache-Control", "").lower()
    if (
        request_cookies
        or response.cookies
        or "private" in cache_control
        or "no-store" in cache_control
    ):
        return  # may hold a secret next to text an attacker chose (BREACH)
    coding = negotiate(accept_encoding)
    if coding == "identity":
        return
    compressed = compress(response.content, coding)
    if len(compressed) >= len(response.content):
        return
    response.content = compressed
    response["Content-Length"] = str(len(compressed))
    response["Content-Encoding"] = coding
    if response.has_header("ETag"):
        response["ETag"] = weak_etag(response["ETag"])
