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

from masthead.pagecache.entries import (
    MARKER,
    NOT_MODIFIED_HEADERS,
    Entry,
    answer,
    entry_for,
    forget_local,
    get,
    storable,
    store,
)
from masthead.pagecache.generations import (
    GENERATION_KEY,
    changed,
    clear,
    generation,
    key,
    version,
    versions_per_request,
)
from masthead.pagecache.plans import (
    CONDITIONS,
    DEFAULT_PARAMETERS,
    DEFERRED_ENCODING,
    HANDLED,
    PARAMETERS,
    PASS_PREFIXES,
    QUERY_MISS,
    SIGNAL_COOKIE,
    SIGNED_IN_SESSION_KEYS,
    Plan,
    begin_miss,
    clean_query,
    plan,
    signal_for,
    signed_in,
)

__all__ = [
    "GENERATION_KEY",
    "MARKER",
    "changed",
    "clear",
    "forget_local",
    "generation",
    "key",
    "version",
    "versions_per_request",
    "CONDITIONS",
    "DEFAULT_PARAMETERS",
    "DEFERRED_ENCODING",
    "HANDLED",
    "PARAMETERS",
    "PASS_PREFIXES",
    "QUERY_MISS",
    "SIGNAL_COOKIE",
    "SIGNED_IN_SESSION_KEYS",
    "Plan",
    "begin_miss",
    "clean_query",
    "plan",
    "signal_for",
    "signed_in",
    "NOT_MODIFIED_HEADERS",
    "Entry",
    "answer",
    "entry_for",
    "get",
    "storable",
    "store",
]
