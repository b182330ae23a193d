"""What a request may change in a cached page, and which requests the cache
must not answer.
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode

from django.http import parse_cookie
from django.utils.crypto import constant_time_compare, salted_hmac

from masthead.pagecache.generations import generation, key
from masthead.pagecache.hot import hot

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
    session = cookies.get(hot.SESSION_COOKIE_NAME)
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
    if hot.SECURE_PROXY_SSL_HEADER:
        header, secure = hot.SECURE_PROXY_SSL_HEADER
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
    if hot.PAGE_CACHE_SERVER_TIMEOUT <= 0:  # off, e.g. to measure renders
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
