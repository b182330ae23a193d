"""What an audit found, page by page and for the whole site."""

from dataclasses import asdict, dataclass, field

from masthead.mirrors.frontier import KINDS, host_of


@dataclass
class PageResult:
    """What one page did in a first-time reader's browser."""

    url: str
    path: str
    kind: str
    status: int | None = None
    requests: int = 0
    bytes: int = 0
    third_party: list[str] = field(default_factory=list)
    request_urls: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def problems(self) -> list[tuple[str, str]]:
        """Return (what, detail) for every rule this page broke."""
        found = []
        if self.status is None or self.status >= 400:
            found.append(("status", f"answered {self.status or 'nothing'}"))
        found += [("third-party", url) for url in self.third_party]
        found += [("cookie", name) for name in self.cookies]
        found += [("console", text) for text in self.console_errors]
        found += [("csp", text) for text in self.csp_violations]
        return found


@dataclass
class AuditReport:
    target: str
    origin: str
    pages: list[PageResult]
    seconds: float
    stopped: str  # "done", "max-pages" or "time-limit"

    @property
    def violations(self) -> list[tuple[PageResult, str, str]]:
        return [(page, *problem) for page in self.pages for problem in page.problems()]

    @property
    def ok(self) -> bool:
        return bool(self.pages) and not self.violations

    def kinds(self) -> dict[str, dict]:
        """Per page type: pages, requests and bytes (largest page), violations."""
        summary = {}
        for kind in KINDS:
            pages = [page for page in self.pages if page.kind == kind]
            if not pages:
                continue
            summary[kind] = {
                "pages": len(pages),
                "requests_max": max(page.requests for page in pages),
                "bytes_max": max(page.bytes for page in pages),
                "third_party_hosts": sorted(
                    {host_of(url) for page in pages for url in page.third_party}
                ),
                "cookies": sorted({name for page in pages for name in page.cookies}),
                "console_errors": sum(len(page.console_errors) for page in pages),
                "csp_violations": sum(len(page.csp_violations) for page in pages),
            }
        return summary

    def as_json(self) -> dict:
        return {
            "target": self.target,
            "origin": self.origin,
            "ok": self.ok,
            "seconds": round(self.seconds, 1),
            "stopped": self.stopped,
            "kinds": self.kinds(),
            "violations": [
                {"kind": page.kind, "path": page.path, "what": what, "detail": detail}
                for page, what, detail in self.violations
            ],
            "pages": [asdict(page) for page in self.pages],
        }
