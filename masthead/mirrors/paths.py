"""Which URLs the static export follows, and where each one's file lives.

Links to our own site are rewritten to relative ones between files, so the
export works from any host, under any sub-path and from ``file://``.
"""

import posixpath
import re
from urllib.parse import unquote

# Seeds besides the front page: what no page links to with <a href>.
SEEDS = [
    "/",
    "/mirrors/",
    "/mirrors.json",
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
]
# Served by our server only: replaced by a static page, or left out.
SEARCH_PATH = "/search/"
SUPPORT_PATH = "/support/"
SKIPPED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/support/",
    "/search/",
    "/appeals/",
    "/_util/",
    "/healthz",
    "/documents/",
)
# Only ?page=N listings have a static twin; other query strings are not crawled.
PAGE_QUERY = re.compile(r"^page=(\d+)$")
_LINKING = r"\s(?:href|src|action|srcset|data-beacon|data-worker|poster)"
# A tag with a link in it: the others are passed over by the regex engine.
TAG = re.compile(rf"<[a-zA-Z][^>]*?{_LINKING}=[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(
    rf"""(?P<name>{_LINKING})=(?P<quote>["'])(?P<value>.*?)(?P=quote)""",
    re.IGNORECASE | re.DOTALL,
)
SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")
CSS_URL = re.compile(r"""url\(\s*(["']?)([^)"']+)\1\s*\)""")


def output_path(url_path: str, query: str = "") -> str:
    """Where the file for a URL path lives in the export, relative to its root."""
    path = unquote(url_path).lstrip("/")
    if path.endswith("/") or not path:
        path += "index.html"
    match = PAGE_QUERY.match(query)
    if match and match.group(1) != "1":
        directory = posixpath.dirname(path)
        path = posixpath.join(directory, "page", match.group(1), "index.html")
    return path


_UNPLAIN = {"", ".", ".."}


def relative(target: str, source: str) -> str:
    """A link from the file ``source`` to the file ``target`` (both in the export)."""
    folder = source.split("/")[:-1]
    parts = target.split("/")
    if _UNPLAIN & {*folder, *parts}:
        # Not plain paths of the export's (``..``, ``./``, ``a//b``): let
        # posixpath normalise them. Otherwise the same answer, without
        # relpath's abspath calls, made for each of a page's hundred links.
        return posixpath.relpath(target, posixpath.dirname(source) or ".")
    common = 0
    while (
        common < len(folder)
        and common < len(parts) - 1
        and folder[common] == parts[common]
    ):
        common += 1
    return "../" * (len(folder) - common) + "/".join(parts[common:])


def by_top(target: str, source: str) -> str:
    """A link from the file ``source`` up to the export's top folder, then
    down to ``target``: the same from every file as deep as ``source``, so
    that a link is worked out once for every page of that depth."""
    folder = source.split("/")[:-1]
    if _UNPLAIN & {*folder, *target.split("/")}:
        return relative(target, source)
    return "../" * len(folder) + target
