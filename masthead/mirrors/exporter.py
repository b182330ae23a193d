"""The renderer of the static export: every page from its view, without the
middleware (Django's handler for the first page, for a 404 and for an
error), the sitemap from one query (``mirrors.sitemap``), its
links made relative (``mirrors.links``), in two processes when there are
many. Pages render in batches with what the plan knows
(``news.models.export_hints``): a batch's articles and cards read at once,
each card and image rendered once, listings read by their articles' ids,
each article's own parts not stored in the shared cache; the search index
builds in a thread meanwhile.
"""

import os
from collections import deque
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.base import BaseHandler
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import Resolver404, resolve, reverse
from wagtail.models import Site

from masthead.mirrors import (
    cards,
    generations,
    render_pool,
    search_index,
    sitemap,
    stand_ins,
    twins,
)
from masthead.mirrors.links import LinkRewriter
from masthead.mirrors.paths import (
    SEEDS,
    SITEMAP_LOC,
    output_path,
)
from masthead.mirrors.writer import Stored, Writer
from masthead.news.models import export_hints


class Exporter(LinkRewriter):
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
        self.writer: Writer | None = None  # set by crawl(): where files go
        self.stored: dict[str, Stored] = {}  # export path -> file written or kept
        self.documents: dict[str, str] = {}  # export path -> the text indexed
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
        self.root_paths = None
        self.plan = generations.Plan()
        self.known = export_hints.Snapshot()  # what pages render with
        self.links: dict[tuple, str] = {}  # (value, depth, path) -> link
        self.tags: dict[tuple, str] = {}  # (tag, depth) -> tag, links rewritten

    # Rendering -------------------------------------------------------------

    def request(self, url: str):
        request = self.factory.get(url, HTTP_HOST=self.host, secure=self.secure)
        if self.site is not None:  # every page has the same host: look it up once
            request._wagtail_site = self.site
            # and the same sites' root paths (Wagtail reads them from the
            # shared cache once a request: a file read, on the default cache)
            if self.root_paths is None:
                self.root_paths = Site.get_site_root_paths()
            request._wagtail_cached_site_root_paths = self.root_paths
        return request

    def get(self, url: str):
        request = self.request(url)
        if self.site is not None:
            response = self.view(request)
            if response is not None:
                return response
        response = self.handler.get_response(request)
        if self.site is None:
            self.site = getattr(request, "_wagtail_site", None)
        return response

    def view(self, request):
        """Answer ``request`` from its view, without the middleware; None when
        the handler must: a URL no view takes, a 404, an error.

        What the middleware adds to a reader's page is headers, which the
        export does not keep; every request here is an anonymous GET of the
        one host, whose site is known. ``test_fast_render`` compares the
        bytes with the handler's, for every page of the demo. A view's
        refusal (a form's 405 to a GET) is the handler's too, and recorded as
        it is. A 404 is not: the middleware answers it with an editor's
        redirect or the address with a slash, which the export reports.
        """
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        request.resolver_match = match
        request.user = AnonymousUser()
        try:
            response = match.func(request, *match.args, **match.kwargs)
            if callable(getattr(response, "render", None)):
                response = response.render()
        except Exception:  # noqa: BLE001 - Http404 or an error: the handler's
            return None
        return None if response.status_code == 404 else response

    def asset(self, prefix: str, root: Path | None, path: str) -> bytes | None:
        file = twins.asset_file(prefix, root, path)
        return file.read_bytes() if file is not None else None

    def render(self, url: str) -> tuple[str, bytes | None, bool, list[str], str]:
        """Render ``url``: (target, content, is_html, links found, problem)."""
        if export_hints.snapshot() is not self.known:
            with export_hints.rendering(self.known):
                return self.render(url)
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
        with export_hints.rendering(self.known):
            return [(url, *self.render(url)) for url in urls]

    def render_and_store(self, urls: list[str]) -> list[tuple]:
        """Render ``urls`` and write their files here: the results without
        the bytes, an indexed page with the text Pagefind indexes."""
        results = []
        for url, target, content, is_html, found, problem in self.render_many(urls):
            stored = document = None
            if content is not None:
                stored = self.writer.store(target, content)
                if target in self.index_parts:
                    document = search_index.document(content.decode())
            results.append((url, target, stored, is_html, found, problem, document))
        return results

    def keep(self, target: str, content: bytes) -> None:
        """Write a file rendered here, outside the crawl's renders."""
        self.stored[target] = self.writer.store(target, content)

    def read_shown(self, urls: list[str]) -> None:
        """Read the articles among ``urls`` and what they show, at once."""
        known = self.known
        with export_hints.rendering(known):  # with the images read before
            known.card_articles, known.shown = cards.shown_with(
                self.plan, known.card_articles, urls
            )
            self.known.articles = cards.articles(self.plan, urls)
        self.known.listings = self.plan.listings

    def static_page(self, template: str, url: str, context: dict, queue) -> None:
        request = self.factory.get(url, HTTP_HOST=self.host, secure=self.secure)
        self.current_path = url
        with export_hints.rendering(self.known):  # as the other pages are
            html = render_to_string(template, context, request=request)
        target = output_path(url)
        html = self.rewrite_html(html, target, queue)
        self.keep(target, html.encode())

    def carry(
        self, target, key, old_keys, old_manifest, directory, *, counted=True
    ) -> bool:
        """Keep ``target`` as the last export wrote it if its key is the same."""
        if (
            old_keys.get(target) == key
            and target in old_manifest
            # os.path, not pathlib: this runs for each of the site's files.
            and os.path.isfile(f"{directory}/{target}")
        ):
            self.carried[target] = old_manifest[target]
            self.skipped += counted and target.endswith(".html")
            return True
        return False

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
        self.writer = Writer(directory, old_manifest)
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
        static = (settings.STATIC_URL, settings.MEDIA_URL)
        stand_ins.write(self, queue, old_keys, old_manifest, directory)

        def index() -> None:  # once every indexed page is rendered or kept
            self.index_build = search_index.start(
                parts=self.index_parts,
                documents=self.documents,
                carried=dict(self.carried),
                directory=directory,
                old_manifest=old_manifest,
                old_state=old_state,
            )

        self.start_index = index
        # What this process queued; link_for's own set also holds the links
        # it found while rendering here, which are still to be queued.
        enqueued = set(queue)
        seen = {*self.stored, *self.carried}
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
                    key = plan.keys.get(url) or plan.found.get(url)
                    if key is None and url.startswith(static):
                        key = twins.asset_key(parts.path, plan.code)
                    if key is not None:
                        self.keys[target] = key
                        if self.carry(target, key, old_keys, old_manifest, directory):
                            self.urls.add(url)
                            continue
                    batch.append(url)
                for (
                    url,
                    target,
                    stored,
                    is_html,
                    found,
                    problem,
                    document,
                ) in self.render_batch(batch, workers, index):
                    done += 1
                    if stored is None:
                        self.keys.pop(target, None)
                        if problem and url not in gone_quietly:
                            self.missing.append(problem)
                        continue
                    self.urls.add(url)
                    self.stored[target] = stored
                    if document is not None:
                        self.documents[target] = document
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
            yield from self.render_and_store(urls)
            return
        yield from self.render_and_store([u for u in urls if u.startswith(static)])
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
