"""The server-side cache of anonymous pages.

Entries are keyed by a generation number; publishing replaces it, so every
page that could show the change (front page, sections, feeds, tags, related
articles elsewhere) is rendered afresh on its next request.

A generation (and a fragment version) is never counted up in the cache: the
file cache's ``incr`` rewrites the value with the default 300 s lifetime, and
any cache may expire or evict an entry. A counter that then restarted at 1
would bring back pages cached under the old numbers. Instead each new value
is minted from the clock and a random part, so it has never been used before:
when the cache forgets the current value, the next request mints a fresh one
and pages are rendered again (a cold cache, never a stale one). Each value is
written once, so a page stored under it was rendered after it was written.

Each process keeps the generation it last read, and the pages it served
under it, in its own memory, and reads the shared cache's generation again
after ``PAGE_CACHE_REFRESH_SECONDS`` (1 s): a hit costs no round trip to the
shared cache, and a publish in any process reaches every process within that
interval. A process that reads a new generation drops its pages.

What a request may change in a cached page is fixed here (``plan``): the
host, the scheme, the path and the query parameters that the page uses,
normalised. Other parameters and every cookie are ignored, and removed from
the request before a miss renders it, so that the page stored is the page
that any request with the same key would get. Only a signed-in session,
proven by a signal cookie bound to it by an HMAC (``signed_in``), gets
uncached pages; made-up cookies get the cached page.
"""

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import parse_cookie
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import parse_http_date_safe

from masthead import compression

GENERATION_KEY = "pagecache:generation"
MARKER = "X-Page-Cache"


def _mint(previous: object = None) -> int:
    """Return a value no earlier generation had, greater than ``previous``.

    Microseconds since the epoch, with a random last three digits so that two
    processes minting in the same microsecond do not collide.
    """
    value = time.time_ns() // 1000 * 1000 + secrets.randbelow(1000)
    if isinstance(previous, int) and value <= previous:
        value = previous + 1 + secrets.randbelow(1000)
    return value


def _current(key: str) -> int:
    value = cache.get(key)
    if value is None:
        # Forgotten (or never set): a fresh value, never an old one. On the
        # file cache ``add`` is not atomic; a lost race only orphans pages.
        cache.add(key, _mint(), timeout=None)
        value = cache.get(key)
        if value is None:  # evicted at once by a full cache
            value = _mint()
    return value


def _renew(key: str) -> None:
    cache.set(key, _mint(cache.get(key)), timeout=None)


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


@receiver(setting_changed)
def _settings_changed(*, setting, **kwargs) -> None:
    if setting in ("CACHES", "PAGE_CACHE_REFRESH_SECONDS", "PAGE_CACHE_LOCAL_BYTES"):
        forget_local()


def generation() -> int:
    """Return the generation that pages are cached under now.

    Read from the shared cache at most once per PAGE_CACHE_REFRESH_SECONDS.
    """
    now = time.monotonic()
    if (
        _local.generation is not None
        and now - _local.read_at < settings.PAGE_CACHE_REFRESH_SECONDS
    ):
        return _local.generation
    value = _current(GENERATION_KEY)
    _local.remember(value, now)
    return value


def clear() -> None:
    """Make every cached page stale, in every process within the interval."""
    value = _mint(cache.get(GENERATION_KEY))
    cache.set(GENERATION_KEY, value, timeout=None)
    _local.remember(value, time.monotonic())


def version(name: str) -> int:
    """The version of one kind of data that fragments are cached by.

    The goal meter is cached by ``version("funding")`` and the list of live
    appeals by ``version("appeals")``. Publishing an article makes pages
    stale but leaves these fragments fresh.
    """
    return _current(f"pagecache:version:{name}")


def changed(name: str) -> None:
    """Data of kind ``name`` changed: renew its fragments and every page."""
    _renew(f"pagecache:version:{name}")
    clear()


def key(*, generation: int, scheme: str, host: str, full_path: str) -> str:
    digest = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"


# --- What a request may change in a page ------------------------------------

# Paths that need the session (staff, two-factor, donor self-service, pages
# and documents restricted to signed-in readers), and files served with
# their own headers: never cached, cookies kept.
PASS_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/accounts/",
    "/support/manage/",
    "/_util/",
    "/documents/",
    "/static/",
    "/media/",
)
# The query parameters each page reads (request.GET); every other one is
# ignored. Listings (sections, authors, tags, the front page) read ``page``.
PARAMETERS = {
    "/search/": frozenset({"q", "page"}),
    "/support/": frozenset(
        {"amount", "appeal", "currency", "declined", "frequency", "variant"}
    ),
}
DEFAULT_PARAMETERS = frozenset({"page"})
SIGNAL_COOKIE = "masthead_signed_in"
# Session keys that make reader pages depend on the session: a signed-in
# user, and the pages whose password a reader gave (Wagtail's restrictions).
SIGNED_IN_SESSION_KEYS = ("_auth_user_id", "passed_page_view_restrictions")


def clean_query(path: str, query_string: str) -> str:
    """The query string with only the parameters ``path`` reads, normalised.

    Sorted, each name once (its last value, as ``request.GET.get`` reads it),
    empty values dropped, percent-encoded one way; a search query with its
    case folded and its whitespace collapsed, as the search does.
    """
    if not query_string:
        return ""
    allowed = PARAMETERS.get(path, DEFAULT_PARAMETERS)
    if not any(name in query_string for name in allowed):
        return ""  # the common flood, answered without parsing
    raw = query_string.encode("latin-1", "replace").decode("utf-8", "replace")
    values = {}
    for name, value in parse_qsl(raw, errors="replace"):
        if name in allowed:
            if name == "q":
                value = " ".join(value.split()).casefold()
            values[name] = value
    return urlencode(
        sorted((name, value) for name, value in values.items() if value),
        quote_via=quote,
    )


def signal_for(session_key: str) -> str:
    """The signal cookie's value for a signed-in session: an HMAC of its key."""
    return salted_hmac(
        "masthead.pagecache.signed-in", session_key, algorithm="sha256"
    ).hexdigest()


def signed_in(cookie_header: str) -> bool:
    """Whether the cookies hold a session and the signal that it is signed in."""
    if SIGNAL_COOKIE not in cookie_header:
        return False
    cookies = parse_cookie(cookie_header)
    session = cookies.get(settings.SESSION_COOKIE_NAME)
    signal = cookies.get(SIGNAL_COOKIE)
    return bool(session and signal) and constant_time_compare(
        signal, signal_for(session)
    )


@dataclass(frozen=True)
class Plan:
    """A request the page cache answers: its key and its clean query."""

    key: str
    query: str


def _scheme(environ) -> str:
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def plan(environ) -> Plan | None:
    """Return how the cache answers this request, or None if it must not.

    Reads the WSGI environ (Django's ``request.META``): GET and HEAD of any
    path outside PASS_PREFIXES, unless a signed-in session asks.
    """
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    if settings.PAGE_CACHE_SERVER_TIMEOUT <= 0:  # off, e.g. to measure renders
        return None
    path = environ.get("PATH_INFO") or "/"
    if path.startswith(PASS_PREFIXES):
        return None
    cookie = environ.get("HTTP_COOKIE")
    if cookie and signed_in(cookie):
        return None
    # Entries are per host: an unknown host is refused by MirrorHostMiddleware
    # and never has one, and a mirror never gets another host's links.
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    query = clean_query(path, environ.get("QUERY_STRING", ""))
    full_path = f"{path}?{query}" if query else path
    return Plan(
        key=key(
            generation=generation(),
            scheme=_scheme(environ),
            host=host,
            full_path=full_path,
        ),
        query=query,
    )


# Request headers that a miss answers itself, after the page is stored.
CONDITIONS = ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# The miss limit (MissLimitMiddleware) counts misses whose query is not empty.
QUERY_MISS = "masthead.pagecache.query_miss"
# Set by the WSGI layer: the Django middleware leaves the request alone.
HANDLED = "masthead.pagecache.handled"
# What the client accepted, for CompressionMiddleware, should the page turn
# out not to be stored (a 404, a search past the limit).
DEFERRED_ENCODING = "masthead.pagecache.accept_encoding"


def begin_miss(environ, plan: Plan) -> dict:
    """Make the request the page any request with this key gets; return what it asked.

    The render sees the clean query only, no cookie, and no validators or
    codings (the cache answers those from the stored page).
    """
    asked = {name: environ.pop(name) for name in CONDITIONS if name in environ}
    asked["REQUEST_METHOD"] = environ["REQUEST_METHOD"]
    environ[DEFERRED_ENCODING] = asked.get("HTTP_ACCEPT_ENCODING", "")
    environ["QUERY_STRING"] = plan.query
    environ.pop("HTTP_COOKIE", None)
    if plan.query:
        environ[QUERY_MISS] = True
    return asked


# --- Entries -----------------------------------------------------------------

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
