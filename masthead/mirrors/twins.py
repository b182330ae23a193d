"""Keys of the export's pages that are not articles nor listings.

``generations.plan`` keys the articles, listings, feeds and sitemaps; the
pages here were rendered on every export. Each is keyed by what it shows:

- the pages that show only what every page shows (``/mirrors/``,
  ``/mirrors.json``, ``/robots.txt``, the service worker, ``/authors/``, the
  newsletters' pages, the export's own search and support pages): the
  site-wide key, which holds the mirrors, the newsroom's rails, the authors,
  the newsletters (not their editions), the code and templates;
- an information page: the site-wide key (which holds its own row, published
  or moved) and the versions of the pages its body links to;
- a static file or an image rendition: its size and modification time, and
  the code (a stylesheet's links are rewritten), not its bytes.

A newsletter's page and its editions' pages are keyed by the editions sent
and their articles' versions (``generations.newsletter_keys``).
"""

import os
import re
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import NoReverseMatch, reverse

from masthead.mirrors.paths import SEARCH_PATH, SUPPORT_PATH

# Pages whose content is all in the site-wide key.
SITE_WIDE_PAGES = ("/mirrors/", "/mirrors.json", "/robots.txt", "/authors/")
SITE_WIDE_ROUTES = ("mirrors:worker", "newsletters:index")
STATIC_PAGES = (SEARCH_PATH, SUPPORT_PATH)
# A link to a page in stored rich text, as HTML or inside a StreamField's
# JSON (whose quotes are escaped).
PAGE_LINK = re.compile(
    r"""<a\s[^>]*?linktype=\\?["']page\\?["'][^>]*?\sid=\\?["'](\d+)"""
)


def site_wide_pages(newsletter_slugs) -> list[str]:
    urls = list(SITE_WIDE_PAGES)
    for name in SITE_WIDE_ROUTES:
        try:
            urls.append(reverse(name))
        except NoReverseMatch:  # the app is not installed
            continue
    for slug in newsletter_slugs:
        try:
            urls.append(reverse("newsletters:newsletter", args=[slug]))
        except NoReverseMatch:
            continue
    return urls


def linked_pages(body: str) -> list[int]:
    """The ids of the pages a rich text body links to, in order."""
    return [int(pk) for pk in PAGE_LINK.findall(body or "")]


def asset_file(prefix: str, root: Path | None, path: str) -> Path | None:
    """The file behind a static or media URL, as ``Exporter.asset`` reads it."""
    name = unquote(path[len(prefix) :])
    if ".." in name.split("/"):
        return None
    if prefix == settings.STATIC_URL:
        candidate = Path(settings.STATIC_ROOT) / name
        if not candidate.is_file():  # looked for only when not collected
            found = finders.find(name)
            candidate = Path(found) if found else candidate
    elif root is not None:
        candidate = Path(root) / name
    else:
        return None
    return candidate if candidate.is_file() else None


def asset_key(path: str, code: str) -> str | None:
    """The key of a static file or rendition by its file's size and time."""
    if path.startswith(settings.STATIC_URL):
        file = asset_file(settings.STATIC_URL, None, path)
    elif path.startswith(settings.MEDIA_URL):
        file = asset_file(settings.MEDIA_URL, settings.MEDIA_ROOT, path)
    else:
        return None
    if file is None:
        return None
    stat = os.stat(file)
    return f"{code}:{stat.st_size}:{stat.st_mtime_ns}"
