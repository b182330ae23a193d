"""Which pages an audit visits next: page types in turn, same origin only."""

from collections import Counter, deque
from pathlib import PurePosixPath
from urllib.parse import urlsplit

# The page types a reader meets, in the order the report lists them.
KINDS = [
    "front",
    "section",
    "article",
    "author",
    "authors",
    "tag",
    "search",
    "support",
    "mirrors",
    "info",
    "newsletters",
    "other",
]

# Paths that are not reader pages: staff, sign-in, downloads and files.
SKIPPED_PREFIXES = ("admin/", "django-admin/", "_util/", "accounts/", "documents/")
PAGE_SUFFIXES = ("", ".html", ".htm")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or f"{parts.scheme}:"


def is_network(url: str) -> bool:
    """Whether loading ``url`` leaves the browser (``data:`` and ``blob:`` do not)."""
    return urlsplit(url).scheme not in ("data", "blob", "about", "chrome-extension")


def relative_path(url: str, base: str) -> str:
    """Return the page's path under ``base``, ``index.html`` dropped, as a reader
    would say it: ``politics/story/`` for the site and its export alike."""
    path = urlsplit(url).path
    base_path = urlsplit(base).path
    path = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path


def guess_kind(path: str) -> str:
    """Return the page type a path names, before the page is seen.

    One-segment paths are sections or information pages; the page itself tells
    which (``refine_kind``).
    """
    parts = PurePosixPath("/" + path).parts[1:]
    if not parts:
        return "front"
    head = parts[0]
    if head in ("search", "support", "mirrors", "newsletters"):
        return head
    if head == "authors":
        return "author" if len(parts) > 1 else "authors"
    if head == "tags":
        return "tag"
    if len(parts) == 1 or (len(parts) == 3 and parts[1] == "page"):
        return "section"
    if len(parts) == 2:
        return "article"
    return "other"


def refine_kind(guess: str, hint: str) -> str:
    if guess == "section" and hint == "info":
        return "info"
    if guess == "article" and hint != "article":
        return "other"
    return guess


def is_page_link(url: str, base: str) -> bool:
    """Whether ``url`` is a reader page of the audited site worth a visit."""
    if origin_of(url) != origin_of(base) or not url.startswith(base.split("?")[0]):
        return False
    path = relative_path(url, base)
    if path.startswith(SKIPPED_PREFIXES):
        return False
    return PurePosixPath(path).suffix.lower() in PAGE_SUFFIXES


class Frontier:
    """Links still to visit, one queue per page type, taken in turn.

    The next page is of the type visited least so far, so a crawl cut short
    by ``max_pages`` still covers every type it has found.
    """

    # URLs kept per path: a page and one variant (``?page=2``, a search),
    # not every tab of a form that links to itself with a parameter.
    VARIANTS = 2

    def __init__(self):
        self.queues: dict[tuple[str, str], deque[str]] = {}
        self.seen: set[str] = set()
        self.paths: Counter[str] = Counter()
        self.visited: Counter[tuple[str, str]] = Counter()

    def add(self, url: str, kind: str, *, where: str = "") -> None:
        """Queue ``url`` as a page of type ``kind``, found in ``where``.

        Links of one guessed type found in different places (the header's
        sections, the footer's information pages) queue apart, so that each
        gets its turn.
        """
        path = url.split("?")[0]
        if url not in self.seen and self.paths[path] < self.VARIANTS:
            self.seen.add(url)
            self.paths[path] += 1
            self.queues.setdefault((kind, where), deque()).append(url)

    def waiting(self) -> bool:
        return any(self.queues.values())

    def pop(self) -> tuple[str, str] | None:
        waiting = [kind for kind, queue in self.queues.items() if queue]
        if not waiting:
            return None
        key = min(waiting, key=lambda key: self.visited[key])
        self.visited[key] += 1
        return self.queues[key].popleft(), key[0]
