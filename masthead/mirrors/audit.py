"""Audit reader pages in headless chromium: what they load, set and log.

The crawl starts at one URL and follows links of the same origin, taking page
types in turn (front page, sections, articles, authors, tags, search, support,
mirrors, information pages …) so that a bounded crawl still sees every type.
Each page is opened in a fresh browser context, as a first-time reader would
see it. Requests to any other origin are recorded and then blocked, so the
audit itself never contacts a third party.

Nothing here touches the database: the crawl can run against any Masthead
site, or against a static export served over http.
"""

import functools
import re
import shutil
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from masthead.mirrors.audit_report import AuditReport, PageResult
from masthead.mirrors.frontier import (
    Frontier,
    guess_kind,
    is_network,
    is_page_link,
    origin_of,
    refine_kind,
    relative_path,
)

# The same flags as the browser tests: without the background-networking
# ones, Chromium itself contacts hosts that are not the site's.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

# Reports each page back to Python the moment the browser fires it, even when
# the page navigates away afterwards.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__mastheadAuditCsp(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "")
  );
});
"""

# Every link, and the part of the page it sits in.
LINKS = """links => links.map(link => {
  const landmark = link.closest("header, main, aside, footer");
  return [link.href, landmark ? landmark.tagName.toLowerCase() : ""];
})"""

# Which template rendered the page, for paths that do not say it.
DOM_HINT = """() =>
  document.querySelector("article.article") ? "article" :
  document.querySelector(".info-page") ? "info" :
  document.querySelector(".listing, .listing-header") ? "section" : ""
"""

# The site's search form and a word from the first headline: a search that
# finds something, on the live site and in an export alike.
SEARCH_SEED = """() => {
  const form = document.querySelector("form[role=search]");
  const input = form && form.querySelector("input[name]");
  if (!form || !input) return null;
  const headline = document.querySelector("main h2, main h3");
  const words = ((headline && headline.textContent) || "").match(/\\p{L}{4,}/gu);
  const url = new URL(form.action);
  url.searchParams.set(input.name, (words && words[0]) || "news");
  return url.href;
}"""

SETTLE_MS = 1000  # longest wait for late requests after the load event
GOTO_TIMEOUT_MS = 20_000


class AuditError(Exception):
    """The audit could not run: no browser, or the site did not answer."""


def find_chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def audit_site(
    start_url: str,
    *,
    max_pages: int = 30,
    time_limit: float = 240,
    workers: int = 2,
    progress: Callable[[int, int, PageResult], None] | None = None,
) -> AuditReport:
    """Crawl the site from ``start_url`` and return what each page did.

    ``workers`` browsers visit pages at once: most of a visit is waiting (for
    the network to go quiet), not work. Each runs in a thread of its own,
    since Playwright's sync API refuses a thread with an event loop, as the
    caller's may have.
    """
    executable = find_chromium()
    if executable is None:
        raise AuditError("chromium is not installed (apt-get install chromium)")
    crawl = _Crawl(start_url, max_pages=max_pages, time_limit=time_limit)
    crawl.progress = progress
    threads = [
        threading.Thread(
            target=crawl.work, args=(executable,), name=f"audit-{n}", daemon=True
        )
        for n in range(max(1, workers))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)
    if crawl.error is not None:
        raise crawl.error
    return AuditReport(
        target=start_url,
        origin=crawl.origin,
        pages=crawl.pages,
        seconds=time.monotonic() - crawl.started,
        stopped=crawl.stopped,
    )


class _Crawl:
    """The frontier and the results, shared by the browser workers."""

    def __init__(self, start_url: str, *, max_pages: int, time_limit: float):
        self.start_url = start_url
        self.origin = origin_of(start_url)
        self.base = urljoin(start_url, ".")
        self.max_pages = max_pages
        self.time_limit = time_limit
        self.started = time.monotonic()
        self.frontier = Frontier()
        self.frontier.add(start_url, guess_kind(relative_path(start_url, self.base)))
        self.pages: list[PageResult] = []
        self.busy = 0
        self.stopped = "done"
        self.error: BaseException | None = None
        self.progress = None
        self.changed = threading.Condition()

    def work(self, executable: str) -> None:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=executable, args=CHROMIUM_ARGS
                )
                try:
                    while (item := self.next()) is not None:
                        url, guess = item
                        self.done(*_visit(browser, url, guess, self.origin, self.base))
                finally:
                    browser.close()
        except BaseException as error:  # noqa: BLE001 - raised in audit_site
            with self.changed:
                self.error = self.error or error
                self.changed.notify_all()

    def next(self) -> tuple[str, str] | None:
        """Return the next page to visit, waiting for links still to come."""
        with self.changed:
            while True:
                if self.error is not None:
                    return None
                if len(self.pages) + self.busy >= self.max_pages:
                    if self.frontier.waiting():
                        self.stopped = "max-pages"
                    return None
                if time.monotonic() - self.started > self.time_limit:
                    self.stopped = "time-limit"
                    return None
                item = self.frontier.pop()
                if item is not None:
                    self.busy += 1
                    return item
                if self.busy == 0:
                    return None
                self.changed.wait()

    def done(self, result: PageResult, links: list, search: str | None) -> None:
        with self.changed:
            self.busy -= 1
            if not self.pages and result.status is None:
                self.error = AuditError(
                    f"{self.start_url} did not answer: is the site up?"
                )
            self.pages.append(result)
            if search:
                self.frontier.add(search, "search")
            for link, where in links:
                if is_page_link(link, self.base):
                    kind = guess_kind(relative_path(link, self.base))
                    self.frontier.add(link, kind, where=where)
            if self.progress:
                total = min(self.max_pages, len(self.frontier.seen))
                self.progress(len(self.pages), total, result)
            self.changed.notify_all()


def _visit(browser, url: str, guess: str, origin: str, base: str):
    """Open ``url`` in a fresh context; return its result, links and a search URL."""
    started = time.monotonic()
    path = (relative_path(url, base) or "/") + (
        "?" + urlsplit(url).query if urlsplit(url).query else ""
    )
    result = PageResult(url=url, path=path, kind=guess)
    requests, responses = [], []
    csp: list[str] = []
    console: list[str] = []
    context = browser.new_context()
    try:
        context.expose_binding(
            "__mastheadAuditCsp", lambda source, text: csp.append(text)
        )
        context.add_init_script(CSP_LISTENER)
        context.on("request", lambda request: requests.append(request))
        context.on("response", lambda response: responses.append(response))
        # Record, then refuse: the audit must not itself reach a third party.
        # A pattern, not a Python predicate: the browser then stops only the
        # requests that match instead of asking Python about each one.
        context.route(
            re.compile(rf"^(?!{re.escape(origin)}/)[a-z][a-z0-9+.-]*://"),
            lambda route: route.abort("blockedbyclient"),
        )
        page = context.new_page()
        page.on(
            "console",
            lambda message: message.type == "error" and console.append(message.text),
        )
        page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))
        links: list[tuple[str, str]] = []
        search = None
        try:
            response = page.goto(url, wait_until="load", timeout=GOTO_TIMEOUT_MS)
            result.status = response.status if response else None
            try:
                page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
            except PlaywrightError:
                pass  # a page that keeps loading is reported as it stands
            links = [
                (urldefrag(href)[0], where)
                for href, where in page.eval_on_selector_all("a[href]", LINKS)
            ]
            result.kind = refine_kind(guess, page.evaluate(DOM_HINT))
            if result.kind == "front":
                search = page.evaluate(SEARCH_SEED)
        except PlaywrightError as error:
            console.append(f"could not load: {error.message.splitlines()[0]}")
        result.cookies = sorted({cookie["name"] for cookie in context.cookies()})
        result.cookies = sorted(set(result.cookies) | _set_cookies(responses, origin))
        network = [request for request in requests if is_network(request.url)]
        result.requests = len(network)
        result.request_urls = [request.url for request in network]
        result.third_party = sorted(
            {r.url for r in network if origin_of(r.url) != origin}
        )
        result.bytes = sum(_transferred(request) for request in network)
        blocked_by_us = "net::ERR_BLOCKED_BY_CLIENT"
        result.console_errors = [
            text
            for text in console
            if blocked_by_us not in text
            and not (csp and "Content Security Policy" in text)
        ]
        result.csp_violations = csp
    finally:
        context.close()
    result.seconds = time.monotonic() - started
    return result, links, search


def _transferred(request) -> int:
    """Bytes of the response on the wire (headers and encoded body), 0 if none."""
    try:
        if request.response() is None:
            return 0
        sizes = request.sizes()
    except PlaywrightError:
        return 0
    return max(sizes["responseHeadersSize"], 0) + max(sizes["responseBodySize"], 0)


def _set_cookies(responses, origin: str) -> set[str]:
    """Names in Set-Cookie headers of the site's responses, kept or not."""
    names = set()
    for response in responses:
        if origin_of(response.url) != origin:
            continue
        try:
            header = response.header_value("set-cookie")
        except PlaywrightError:
            continue
        for line in (header or "").splitlines():
            name = line.split("=", 1)[0].strip()
            if name:
                names.add(name)
    return names


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class StaticServer:
    """Serve a folder over http on 127.0.0.1, on a port the system picks."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
