"""Entries: the stored responses, and the answers (200 or 304) made from them."""

import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.http import parse_http_date_safe

from masthead import compression

MARKER = "X-Page-Cache"


class _Local:
    """What this process keeps in memory: the generation and its pages."""

    def __init__(self):
        self.lock = threading.Lock()
        self.forget()

    def forget(self) -> None:
        self.generation: int | None = None
        self.read_at = float("-inf")
        self.entries: dict[str, Entry] = {}
        self.size = 0

    def remember(self, value: int, now: float) -> None:
        if value != self.generation:
            self.entries, self.size = {}, 0
        self.generation, self.read_at = value, now

    def keep(self, key: str, entry: "Entry") -> None:
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        if entry.size > limit // 8:
            return
        with self.lock:
            if key in self.entries:
                return
            while self.entries and self.size + entry.size > limit:
                oldest = next(iter(self.entries))
                self.size -= self.entries.pop(oldest).size
            self.entries[key] = entry
            self.size += entry.size


_local = _Local()


def forget_local() -> None:
    """Drop what this process keeps in memory (tests; a switch of CACHES)."""
    _local.forget()


# Headers a 304 repeats (RFC 9110 15.4.5), as Django's ConditionalGetMiddleware.
NOT_MODIFIED_HEADERS = frozenset(
    {"cache-control", "content-location", "date", "etag", "expires", "vary"}
)
NOT_MODIFIED_HEADERS |= {"last-modified"}


@dataclass(frozen=True)
class Entry:
    """A stored page: its status and, per coding, the headers and the body.

    The headers are the complete set the response had (security headers,
    CSP, Onion-Location), so that a hit is answered exactly as the miss was.
    """

    status: int
    reason: str
    variants: dict  # coding -> (headers, body)
    etag: str | None
    last_modified: int | None
    size: int


def storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in cache_control
        and "cookie" not in response.get("Vary", "").lower()
        and not response.has_header("Content-Encoding")
    )


def entry_for(response) -> Entry:
    """Build the entry of a storable response, compressed both ways."""
    body = response.content
    skip = {"content-length", "content-encoding", MARKER.lower()}
    base = [
        (name, value) for name, value in response.items() if name.lower() not in skip
    ]
    etag = response.get("ETag")
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    bodies = {"identity": body}
    if len(body) >= compression.MIN_SIZE and compression.compressible(
        response.get("Content-Type", "")
    ):
        for coding in ("br", "gzip"):
            compressed = compression.compress(body, coding)
            if len(compressed) < len(body):
                bodies[coding] = compressed
    variants = {}
    for coding, content in bodies.items():
        headers = []
        for name, value in base:
            lowered = name.lower()
            if lowered == "vary" and len(bodies) > 1:
                continue
            if lowered == "etag" and coding != "identity":
                value = compression.weak_etag(value)
            headers.append((name, value))
        if len(bodies) > 1:
            vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
            if "accept-encoding" not in (v.lower() for v in vary):
                vary.append("Accept-Encoding")
            headers.append(("Vary", ", ".join(vary)))
        if coding != "identity":
            headers.append(("Content-Encoding", coding))
        headers.append(("Content-Length", str(len(content))))
        variants[coding] = (headers, content)
    return Entry(
        status=response.status_code,
        reason=response.reason_phrase,
        variants=variants,
        etag=etag,
        last_modified=last_modified,
        size=sum(len(content) + 600 for content in bodies.values()),
    )


def get(key: str) -> Entry | None:
    """Return the entry under ``key``: from this process's memory, else shared."""
    entry = _local.entries.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            _local.keep(key, entry)
    return entry


def store(key: str, entry: Entry) -> None:
    cache.set(key, entry, settings.PAGE_CACHE_SERVER_TIMEOUT)
    _local.keep(key, entry)


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def _not_modified(entry: Entry, asked) -> bool:
    if_none_match = asked.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if entry.etag is None:
            return False
        if if_none_match.strip() == "*":
            return True
        mine = _opaque(entry.etag)
        return any(_opaque(tag) == mine for tag in if_none_match.split(","))
    if_modified_since = asked.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since is not None and entry.last_modified is not None:
        since = parse_http_date_safe(if_modified_since)
        return since is not None and entry.last_modified <= since
    return False


def answer(entry: Entry, asked, marker: str) -> tuple[int, str, list, bytes]:
    """Return status, reason, headers and body that answer ``asked`` from ``entry``.

    ``asked`` is the WSGI environ, or what ``begin_miss`` kept of it.
    """
    coding = "identity"
    if len(entry.variants) > 1:
        coding = compression.negotiate(asked.get("HTTP_ACCEPT_ENCODING", ""))
        if coding not in entry.variants:
            coding = "identity"
    headers, body = entry.variants[coding]
    if (
        "HTTP_IF_NONE_MATCH" in asked or "HTTP_IF_MODIFIED_SINCE" in asked
    ) and _not_modified(entry, asked):
        kept = [(n, v) for n, v in headers if n.lower() in NOT_MODIFIED_HEADERS]
        return 304, "Not Modified", [*kept, (MARKER, marker)], b""
    if asked.get("REQUEST_METHOD") == "HEAD":
        body = b""
    return entry.status, entry.reason, [*headers, (MARKER, marker)], body
