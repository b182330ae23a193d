import json
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

try:
    from masthead.mirrors import audit
    from masthead.mirrors.frontier import KINDS
except ImportError as missing:  # Playwright is an optional dependency
    audit = None
    MISSING = missing

# Exit codes: the audit ran and found violations / it could not run.
FAILED = 1
CANNOT_RUN = 2


class Command(BaseCommand):
    help = (
        "Crawl the site at URL, or a folder written by `masthead export`, in "
        "headless chromium. Report per page type the requests and bytes, "
        "third-party hosts, cookies, console errors and CSP violations; exit "
        "non-zero if any page contacted another host, set a cookie or logged "
        "an error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            nargs="?",
            help="The site's URL, or an export folder (default: SITE_URL).",
        )
        parser.add_argument(
            "--max-pages",
            type=int,
            default=30,
            help="Stop after this many pages (default: 30).",
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=240,
            metavar="SECONDS",
            help="Start no new page after this long (default: 240 s).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="Browsers visiting pages at once (default: 2).",
        )
        parser.add_argument(
            "--json",
            type=Path,
            dest="json_file",
            metavar="FILE",
            help="Also write the report as JSON.",
        )

    def handle(self, *args, target, json_file, **options):
        if audit is None:
            raise CommandError(
                f"the audit needs Playwright ({MISSING}): "
                "pip install 'masthead[audit]'",
                returncode=CANNOT_RUN,
            )
        for name in ("max_pages", "workers"):
            if options[name] < 1:
                flag = "--" + name.replace("_", "-")
                raise CommandError(f"{flag} must be at least 1", returncode=CANNOT_RUN)
        target = target or settings.SITE_URL
        folder = Path(target)
        if urlsplit(target).scheme in ("http", "https"):
            report = self._audit(target, options)
        elif folder.is_dir():
            if not (folder / "index.html").is_file():
                raise CommandError(
                    f"{folder} has no index.html: is it a `masthead export` folder?",
                    returncode=CANNOT_RUN,
                )
            # Over http, not file://: search fetches its index and the service
            # worker registers only on http(s), so both are audited too.
            with audit.StaticServer(folder) as server:
                self.stderr.write(f"Serving {folder} at {server.url}")
                report = self._audit(server.url + "index.html", options)
            report.target = str(folder)
        else:
            raise CommandError(
                f"{target} is neither an http(s) URL nor a folder",
                returncode=CANNOT_RUN,
            )
        self._print(report)
        if json_file:
            json_file.write_text(_dumps(report.as_json()))
            self.stderr.write(f"Report written to {json_file}")
        if not report.ok:
            pages = {page.url for page, *_ in report.violations}
            raise CommandError(
                f"audit failed: {len(report.violations)} violations on "
                f"{len(pages)} of {len(report.pages)} pages (see the table above)",
                returncode=FAILED,
            )

    def _audit(self, url, options):
        self.stderr.write(f"Auditing {url} (at most {options['max_pages']} pages)")
        try:
            return audit.audit_site(
                url,
                max_pages=options["max_pages"],
                time_limit=options["time_limit"],
                workers=options["workers"],
                progress=self._progress,
            )
        except audit.AuditError as error:
            raise CommandError(str(error), returncode=CANNOT_RUN) from error

    def _progress(self, done, total, page):
        problems = len(page.problems())
        verdict = f"{problems} problems" if problems else "ok"
        self.stderr.write(
            f"[{done:>3}/{total}] {page.kind:<11} {page.path[:50]:<50} "
            f"{page.requests:>3} requests {_size(page.bytes):>8}  {verdict}"
        )

    def _print(self, report):
        write = self.stdout.write
        rows = [
            ["page type", "pages", "requests", "bytes", "third-party", "cookies"]
            + ["console", "csp"]
        ]
        for kind, row in report.kinds().items():
            rows.append(
                [
                    kind,
                    str(row["pages"]),
                    str(row["requests_max"]),
                    _size(row["bytes_max"]),
                    ", ".join(row["third_party_hosts"]) or "none",
                    ", ".join(row["cookies"]) or "none",
                    str(row["console_errors"]),
                    str(row["csp_violations"]),
                ]
            )
        write("")
        write(f"Audit of {report.target}: requests and bytes of the largest page")
        write(_table(rows, numeric={1, 2, 3, 6, 7}))
        missing = [k for k in KINDS[:10] if k not in report.kinds()]
        if missing:
            write(f"Page types not found: {', '.join(missing)}")
        reason = {
            "done": "every page found",
            "max-pages": "stopped at --max-pages",
            "time-limit": "stopped at --time-limit",
        }[report.stopped]
        write(f"{len(report.pages)} pages in {report.seconds:.0f} s ({reason}).")
        if report.violations:
            write("")
            write("FAILED")
            rows = [["page type", "page", "problem", "detail"]]
            for page, what, detail in report.violations:
                rows.append([page.kind, page.path, what, _clip(detail, 100)])
            write(_table(rows))
        else:
            write(
                "OK: no third-party request, no cookie, no console error, "
                "no CSP violation."
            )


def _table(rows, numeric=frozenset()):
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _size(count: int) -> str:
    return f"{count / 1000:.1f} kB" if count >= 1000 else f"{count} B"


def _clip(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
