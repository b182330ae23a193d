"""The renderer of the static export: every page through Django's handler
(the sitemap written from one query, ``mirrors.sitemap``), its links made
relative, in two processes when there are many. Pages render with what the
plan knows (``news.models.export_hints``): each card rendered once, listings
read by their articles' ids; the search index builds in a thread meanwhile.
"""

import re
from collections import deque
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.handlers.base import BaseHandler
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import reverse

from masthead.mirrors import cards, generations, render_pool, search_index, sitemap
from masthead.mirrors.paths import (
    ATTRIBUTE,
    CSS_URL,
    PAGE_QUERY,
    SEARCH_PATH,
    SEEDS,
    SITEMAP_LOC,
    SKIPPED_PREFIXES,
    SUPPORT_PATH,
    TAG,
    output_path,
    relative,
)
from masthead.news.models import ArticlePage, articles_shown_with
from masthead.news.models.export_hints import cards_rendered_once, listings_known


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
        # Static files are read from their folder here, not served.
        fresh = [
            name
            for name in settings.MIDDLEWARE
            if "PageCache" not in name and "whitenoise" not in name
        ]
        with override_settings(MIDDLEWARE=fresh):
            self.handler.load_middleware()
        self.files: dict[str, bytes] = {}
        self.missing: list[str] = []
        self.current_path = "/"
        self.queued: set[str] = set()
        self.keys: dict[str, str] = {}  # export path -> key of what it shows
        self.carried: dict[str, str] = {}  # export path -> digest, not rendered
        self.urls: set[str] = set()  # every URL exported, for the next export
        self.index_parts: dict[str, str] = {}  # export path -> its index part
        self.search_state: dict = {}
        self.indexed_urls: set[str] = set()
        self.index_build = None  # the search index, built in a thread
        self.rendered = 0
        self.skipped = 0
        self.pool = None
        self.site = None
        self.plan = generations.Plan()
        self.cards: dict[int, ArticlePage] = {}  # what articles show, by id
        self.shown: dict[int, tuple[list, list]] = {}
        self.card_html: dict[tuple, str] = {}  # cards rendered, for listings

    # Rendering -------------------------------------------------------------

    def request(self, url: str):
        request = self.factory.get(url, HTTP_HOST=self.host, secure=self.secure)
        if self.site is not None:  # every page has the same host: look it up once
            request._wagtail_site = self.site
        return request

    def get(self, url: str):
        request = self.request(url)
        response = self.handler.get_response(request)
        if self.site is None:
            self.site = getattr(request, "_wagtail_site", None)
        return response

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

    def link_for(self, value: str, source: str, queue) -> str:
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

    def rewrite_html(self, html: str, source: str, queue) -> str:
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

    def rewrite_css(self, css: str, source: str, queue) -> str:
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

    def render(self, url: str) -> tuple[str, bytes | None, bool, list[str], str]:
        """Render ``url``: (target, content, is_html, links found, problem)."""
        parts = urlsplit(url)
        target = output_path(parts.path, parts.query)
        found: list[str] = []
        content = None
        self.current_path = parts.path
        if parts.path.startswith(settings.STATIC_URL):
            content = self.asset(settings.STATIC_URL, None, parts.path)
        elif parts.path.startswith(settings.MEDIA_URL):
            content = self.asset(settings.MEDIA_URL, settings.MEDIA_ROOT, parts.path)
        if content is None and url == sitemap.PATH and self.site is not None:
            content = sitemap.render(self.request(url), self.site)
            kind = "application/xml"
        if content is None:
            with (
                articles_shown_with(self.shown),
                cards_rendered_once(self.card_html),
                listings_known(self.plan.listings),
            ):
                response = self.get(url)
            if response.status_code != 200:
                return target, None, False, found, f"{response.status_code} {url}"
            if getattr(response, "streaming", False):
                content = b"".join(response.streaming_content)
            else:
                content = response.content
            kind = response.get("Content-Type", "")
        elif parts.path != sitemap.PATH:
            kind = "text/css" if target.endswith(".css") else ""
        is_html = kind.startswith("text/html")
        if is_html:
            content = self.rewrite_html(content.decode(), target, found).encode()
        elif kind.startswith("text/css"):
            content = self.rewrite_css(content.decode(), target, found).encode()
        elif target.endswith("sitemap.xml"):
            base = f"http{'s' if self.secure else ''}://{self.host}/"
            for loc in SITEMAP_LOC.findall(content.decode()):
                if loc.startswith(base) and "?" not in loc and "#" not in loc:
                    found.append(loc[len(base) - 1 :])  # what internal() says
                elif internal := self.internal(loc):
                    found.append(
                        internal[0] + (f"?{internal[1]}" if internal[1] else "")
                    )
        return target, content, is_html, found, ""

    def render_many(self, urls: list[str]) -> list[tuple]:
        self.read_shown(urls)
        return [(url, *self.render(url)) for url in urls]

    def read_shown(self, urls: list[str]) -> None:
        """Read what the articles among ``urls`` show below them, at once."""
        self.cards, self.shown = cards.shown_with(self.plan, self.cards, urls)

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
        self.files["search/search.js"] = search_index.SEARCH_SCRIPT.encode()

    def crawl(
        self,
        *,
        plan: generations.Plan,
        directory: Path,
        old_manifest: dict[str, str],
        old_state: dict,
        full: bool,
        workers: int,
    ) -> None:
        """Render every page whose key changed; keep the others as they are.

        The queue starts from the seeds, every keyed page and every URL of the
        last export (so that what only unchanged pages link to is still
        fetched, and what is gone is noticed), and grows with the links found.
        """
        self.plan = plan
        old_keys = {} if full else old_state.get("keys", {})
        old_urls = [] if full else old_state.get("urls", [])
        queue = deque(SEEDS)
        try:
            worker = reverse("mirrors:worker")
        except Exception:  # noqa: BLE001 - the worker is optional
            worker = None
        if worker:
            queue.append(worker)
        queue.extend(generations.listed_urls(plan))
        queue.extend(plan.info_pages)
        known = set(queue)
        gone_quietly = {url for url in old_urls if url not in known}
        queue.extend(gone_quietly)
        # Pagefind indexes only these: listings would match every word of
        # their cards.
        self.index_parts = {
            output_path(url): search_index.part_name(pk)
            for url, pk in plan.articles.items()
        }
        self.index_parts.update(
            (output_path(url), search_index.part_name(None)) for url in plan.info_pages
        )
        self.indexed_urls = {*plan.articles, *plan.info_pages}
        self.static_pages(queue)

        def index() -> None:  # once every indexed page is rendered or kept
            self.index_build = search_index.start(
                parts=self.index_parts,
                rendered=self.files,
                carried=dict(self.carried),
                directory=directory,
                old_manifest=old_manifest,
                old_state=old_state,
            )

        self.start_index = index
        # What this process queued; link_for's own set also holds the links
        # it found while rendering here, which are still to be queued.
        enqueued = set(queue)
        seen = set(self.files)
        done = 0
        try:
            while queue:
                batch = []
                while queue:
                    url = queue.popleft()
                    parts = urlsplit(url)
                    target = output_path(parts.path, parts.query)
                    if target in seen:
                        continue
                    seen.add(target)
                    key = plan.keys.get(url)
                    if key is not None:
                        self.keys[target] = key
                        if (
                            old_keys.get(target) == key
                            and target in old_manifest
                            and (directory / target).is_file()
                        ):
                            self.carried[target] = old_manifest[target]
                            self.urls.add(url)
                            self.skipped += target.endswith(".html")
                            continue
                    batch.append(url)
                for url, target, content, is_html, found, problem in self.render_batch(
                    batch, workers, index
                ):
                    done += 1
                    if content is None:
                        self.keys.pop(target, None)
                        if problem and url not in gone_quietly:
                            self.missing.append(problem)
                        continue
                    self.urls.add(url)
                    self.files[target] = content
                    if is_html:
                        self.rendered += 1
                    for link in found:
                        if link not in enqueued:
                            enqueued.add(link)
                            queue.append(link)
                    self.progress(done + self.skipped, done + self.skipped + len(queue))
        finally:
            if self.pool is not None:
                self.pool.close()
                self.pool.join()
                self.pool = None
        self.progress(done + self.skipped, done + self.skipped)

    def render_batch(self, urls: list[str], workers: int, index: Callable):
        """Render ``urls``, the indexed pages first; then start the search
        index, whose Pagefind processes run while the listings render."""
        indexed = [url for url in urls if url in self.indexed_urls]
        others = [url for url in urls if url not in self.indexed_urls]
        yield from self.render_all(indexed, workers)
        if self.index_build is None:
            static = (settings.STATIC_URL, settings.MEDIA_URL)
            pages = [url for url in others if not url.startswith(static)]
            if workers > 1 and len(pages) >= render_pool.PARALLEL_FROM:
                # Fork the render processes before a thread runs.
                self.pool = self.pool or render_pool.start(self, workers)
            index()
        yield from self.render_all(others, workers)

    def render_all(self, urls: list[str], workers: int):
        """Render ``urls`` here, or across ``workers`` processes when many."""
        static = (settings.STATIC_URL, settings.MEDIA_URL)
        pages = [url for url in urls if not url.startswith(static)]
        if workers < 2 or len(pages) < render_pool.PARALLEL_FROM:
            self.read_shown(urls)
            for url in urls:
                yield (url, *self.render(url))
            return
        for url in urls:
            if url.startswith(static):
                yield (url, *self.render(url))
        if self.pool is None:
            self.pool = render_pool.start(self, workers)
        yield from render_pool.render(self.pool, pages)

    def search_index(self) -> dict[str, bytes]:
        """Return the files of the index parts whose pages' text changed."""
        if self.index_build is None:
            self.start_index()
        files, kept, self.search_state = self.index_build.result()
        self.carried.update(kept)
        return files
