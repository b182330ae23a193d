"""The static export: the whole public site as a folder of files.

Every page is rendered through Django's own handler (the middleware stack
included) with RequestFactory requests, then every link to our own site is
rewritten to a relative one, so that the folder works from any host, under any
sub-path, from ``file://`` (links point at ``index.html``), from a bucket and
from IPFS. Pages that need our server get static equivalents: search runs in
the browser over a Pagefind index, and the support page lists the ways to give
that need no server (bank transfer, crypto, with their QR codes).

The export is incremental: ``export-manifest.json`` keeps a hash of every file
written; a second export writes only the files whose bytes changed and removes
the files that are gone (an unpublished article).
"""

import asyncio
import hashlib
import json
import os
import posixpath
import re
import time
import zipfile
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.handlers.base import BaseHandler
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import reverse

MANIFEST = "export-manifest.json"
PAGEFIND_DIR = "pagefind"

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
TAG = re.compile(r"<[a-zA-Z][^>]*>")
ATTRIBUTE = re.compile(
    r"""(?P<name>\s(?:href|src|action|srcset|data-beacon|data-worker|poster))="""
    r"""(?P<quote>["'])(?P<value>.*?)(?P=quote)""",
    re.IGNORECASE | re.DOTALL,
)
SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")
CSS_URL = re.compile(r"""url\(\s*(["']?)([^)"']+)\1\s*\)""")

SEARCH_SCRIPT = """\
// Client-side search over the Pagefind index that ships with this copy.
const root = new URL("../", import.meta.url);
const form = document.getElementById("export-search-form");
const input = document.getElementById("export-search-q");
const status = document.getElementById("export-search-status");
const list = document.getElementById("export-search-results");
const query = new URLSearchParams(location.search).get("q") || "";
input.value = query;
// The notice about file:// shows unless this module runs (browsers do not
// load modules from file://).
document.getElementById("export-search-file").hidden = location.protocol !== "file:";
if (query.trim()) {
  status.textContent = "Searching…";
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren();
  for (const result of results) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    // Pagefind already prefixes its URLs with the path this copy is served at.
    link.href = new URL(result.url, location.href).href;
    link.textContent = (result.meta && result.meta.title) || result.url;
    const excerpt = document.createElement("p");
    excerpt.textContent = result.excerpt.replace(/<[^>]+>/g, "");
    item.append(link, excerpt);
    list.append(item);
  }
  status.textContent = results.length
    ? `${results.length} result(s) for “${query}”.`
    : `Nothing found for “${query}”.`;
}
form.addEventListener("submit", () => {});
"""


@dataclass
class Report:
    pages: int = 0
    files: int = 0
    written: int = 0
    removed: int = 0
    bytes: int = 0
    seconds: float = 0.0
    missing: list[str] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


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


def relative(target: str, source: str) -> str:
    """A link from the file ``source`` to the file ``target`` (both in the export)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


class Exporter:
    def __init__(self, *, progress: Callable[[int, int], None] | None = None):
        self.progress = progress or (lambda done, total: None)
        site_url = urlsplit(settings.SITE_URL)
        self.host = site_url.hostname or "localhost"
        if site_url.port:
            self.host = f"{self.host}:{site_url.port}"
        self.secure = site_url.scheme == "https"
        self.own_hosts = {self.host, site_url.hostname}
        self.factory = RequestFactory()
        self.handler = BaseHandler()
        # Render fresh: the page cache may hold a page of an earlier edit.
        fresh = [name for name in settings.MIDDLEWARE if "PageCache" not in name]
        with override_settings(MIDDLEWARE=fresh):
            self.handler.load_middleware()
        self.files: dict[str, bytes] = {}
        self.html_pages: dict[str, str] = {}  # export path -> HTML (for Pagefind)
        self.missing: list[str] = []
        self.current_path = "/"
        self.queued: set[str] = set()

    # Rendering -------------------------------------------------------------

    def get(self, url: str):
        request = self.factory.get(url, HTTP_HOST=self.host, secure=self.secure)
        return self.handler.get_response(request)

    def internal(self, value: str) -> tuple[str, str, str] | None:
        """(path, query, fragment) when ``value`` points at our own site."""
        value = value.strip()
        if not value or value.startswith(("#", "data:", "mailto:", "javascript:")):
            return None
        if value.startswith("?"):
            value = self.current_path + value
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            if parts.scheme not in ("http", "https", ""):
                return None
            if parts.netloc not in self.own_hosts:
                return None
        elif not parts.path.startswith("/"):
            return None  # already relative
        return parts.path or "/", parts.query, parts.fragment

    def link_for(self, value: str, source: str, queue: deque) -> str:
        found = self.internal(value)
        if found is None:
            return value
        path, query, fragment = found
        if path.startswith(SEARCH_PATH):
            target = output_path(SEARCH_PATH)
        elif path == SUPPORT_PATH or path.startswith(SUPPORT_PATH):
            target = output_path(SUPPORT_PATH)
        elif path.startswith(SKIPPED_PREFIXES):
            return value
        else:
            if query and not PAGE_QUERY.match(query):
                query = ""
            url = path + (f"?{query}" if query else "")
            if url not in self.queued:
                self.queued.add(url)
                queue.append(url)
            target = output_path(path, query)
        link = relative(target, source)
        return link + (f"#{fragment}" if fragment else "")

    def rewrite_html(self, html: str, source: str, queue: deque) -> str:
        def attribute(match: re.Match) -> str:
            name, quote, value = match["name"], match["quote"], match["value"]
            if name.strip().lower() == "srcset":
                candidates = []
                for candidate in value.split(","):
                    bits = candidate.strip().split(None, 1)
                    if bits:
                        bits[0] = self.link_for(bits[0], source, queue)
                        candidates.append(" ".join(bits))
                value = ", ".join(candidates)
            else:
                value = self.link_for(value.replace("&amp;", "&"), source, queue)
                value = value.replace("&", "&amp;")
            return f"{name}={quote}{value}{quote}"

        def tag(match: re.Match) -> str:
            text = match.group(0)
            if 'rel="canonical"' in text:  # the one link that names the main domain
                return text
            return ATTRIBUTE.sub(attribute, text)

        return TAG.sub(tag, html)

    def rewrite_css(self, css: str, source: str, queue: deque) -> str:
        def url(match: re.Match) -> str:
            return f"url({match[1]}{self.link_for(match[2], source, queue)}{match[1]})"

        return CSS_URL.sub(url, css)

    def asset(self, prefix: str, root: Path | None, path: str) -> bytes | None:
        name = unquote(path[len(prefix) :])
        if ".." in name.split("/"):
            return None
        candidates = []
        if prefix == settings.STATIC_URL:
            candidates.append(Path(settings.STATIC_ROOT) / name)
            found = finders.find(name)
            if found:
                candidates.append(Path(found))
        elif root is not None:
            candidates.append(Path(root) / name)
        for candidate in candidates:
            if candidate.is_file():
                return candidate.read_bytes()
        return None

    def fetch(self, url: str, queue: deque) -> None:
        parts = urlsplit(url)
        target = output_path(parts.path, parts.query)
        if target in self.files:
            return
        content = None
        self.current_path = parts.path
        if parts.path.startswith(settings.STATIC_URL):
            content = self.asset(settings.STATIC_URL, None, parts.path)
        elif parts.path.startswith(settings.MEDIA_URL):
            content = self.asset(settings.MEDIA_URL, settings.MEDIA_ROOT, parts.path)
        if content is None:
            response = self.get(url)
            if response.status_code != 200 or getattr(response, "streaming", False):
                if response.status_code != 200:
                    self.missing.append(f"{response.status_code} {url}")
                    self.files[target] = b""  # visited; dropped below
                    return
                content = b"".join(response.streaming_content)
            else:
                content = response.content
            kind = response.get("Content-Type", "")
        else:
            kind = "text/css" if target.endswith(".css") else ""
        if kind.startswith("text/html"):
            html = self.rewrite_html(content.decode(), target, queue)
            self.html_pages[target] = html
            content = html.encode()
        elif kind.startswith("text/css"):
            content = self.rewrite_css(content.decode(), target, queue).encode()
        elif target.endswith("sitemap.xml"):
            for loc in SITEMAP_LOC.findall(content.decode()):
                found = self.internal(loc)
                if found:
                    queue.append(found[0] + (f"?{found[1]}" if found[1] else ""))
        self.files[target] = content

    def static_page(self, template: str, url: str, context: dict, queue) -> None:
        request = self.factory.get(url, HTTP_HOST=self.host, secure=self.secure)
        self.current_path = url
        html = render_to_string(template, context, request=request)
        target = output_path(url)
        html = self.rewrite_html(html, target, queue)
        self.files[target] = html.encode()

    def static_pages(self, queue: deque) -> None:
        from masthead.funding.models import ManualRail
        from masthead.funding.qr import qr_svg

        rails = list(ManualRail.objects.filter(active=True))
        for rail in rails:
            rail.qr = qr_svg(rail.address) if rail.address else ""
        self.static_page(
            "mirrors/export/support.html", SUPPORT_PATH, {"rails": rails}, queue
        )
        self.static_page("mirrors/export/search.html", SEARCH_PATH, {}, queue)
        self.files["search/search.js"] = SEARCH_SCRIPT.encode()

    def crawl(self) -> None:
        queue = deque(SEEDS)
        try:
            worker = reverse("mirrors:worker")
        except Exception:  # noqa: BLE001 - the worker is optional
            worker = None
        if worker:
            queue.append(worker)
        self.static_pages(queue)
        done = 0
        while queue:
            url = queue.popleft()
            parts = urlsplit(url)
            if output_path(parts.path, parts.query) in self.files:
                continue
            self.fetch(url, queue)
            done += 1
            self.progress(done, done + len(queue))
        self.files = {path: data for path, data in self.files.items() if data}

    def search_index(self) -> None:
        """Build the Pagefind index in memory and add its files to the export."""
        from pagefind.index import IndexConfig, PagefindIndex

        async def build() -> list[dict]:
            config = IndexConfig(root_selector="main", keep_index_url=True)
            async with PagefindIndex(config=config) as index:
                for path, html in self.html_pages.items():
                    await index.add_html_file(content=html, url="/" + path)
                files = await index.get_files()
                await index.delete_index()
                return files

        # Its own thread: the caller may already run an event loop.
        with ThreadPoolExecutor(max_workers=1) as pool:
            files = pool.submit(asyncio.run, build()).result()
        for file in files:
            path = file["path"].lstrip("/")
            if not path.startswith(PAGEFIND_DIR + "/"):
                path = f"{PAGEFIND_DIR}/{path}"
            self.files[path] = file["content"]


def export_site(
    directory: Path,
    *,
    zip_path: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Export the public site into ``directory``; write only what changed."""
    started = time.perf_counter()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    exporter = Exporter(progress=progress)
    exporter.crawl()
    exporter.search_index()

    manifest_file = directory / MANIFEST
    try:
        old = json.loads(manifest_file.read_text())
    except (OSError, ValueError):
        old = {}
    new = {}
    report = Report(pages=len(exporter.html_pages), missing=exporter.missing)
    for path, content in sorted(exporter.files.items()):
        digest = hashlib.sha256(content).hexdigest()
        new[path] = digest
        report.bytes += len(content)
        file = directory / path
        if old.get(path) == digest and file.is_file():
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content)
        report.written += 1
    for path in set(old) - set(new):
        file = directory / path
        if file.is_file():
            file.unlink()
            report.removed += 1
            _prune(file.parent, directory)
    manifest_file.write_text(json.dumps(new, indent=0, sort_keys=True) + "\n")
    report.files = len(new)
    if zip_path is not None:
        write_zip(directory, Path(zip_path), sorted(new))
    report.seconds = time.perf_counter() - started
    return report


def write_zip(directory: Path, zip_path: Path, paths: list[str]) -> None:
    """One offline bundle: the export in a folder of the zip."""
    top = directory.resolve().name or "site"
    temporary = zip_path.with_suffix(zip_path.suffix + ".part")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in paths:
            bundle.write(directory / path, f"{top}/{path}")
    os.replace(temporary, zip_path)


def _prune(folder: Path, root: Path) -> None:
    root = root.resolve()
    folder = folder.resolve()
    while folder != root and root in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
