"""Benchmark of ``masthead export``: full and incremental, demo and archive.

Prints one Markdown section (``## Static export``) with the speed of a full
export, of a second export with nothing changed, and of an export after one
edit (an article's standfirst, published), in pages/s and seconds, against
the targets of issue 11 (full export at least 500 pages/s on 2 cores;
re-export after one edit under 2 s on 10,000 articles), and the bytes per
page type in the export.

Each newsroom is measured in a child process on a copy of the database that
``bench/archive.py`` prepared (the demo is the archive of 0 extra articles),
so the prepared folders are never edited. Bounded in time: each run stops
after ``BENCH_EXPORT_TIMEOUT`` seconds (default 1800).

    python bench/export.py [--articles 10000]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive import prepare  # noqa: E402

TARGET_PAGES_PER_SECOND = 500
TARGET_INCREMENTAL_SECONDS = 2.0
TIMEOUT = float(os.environ.get("BENCH_EXPORT_TIMEOUT", "1800"))


def page_type(path: str) -> str:
    """Name the kind of file an export path holds."""
    first = path.split("/", 1)[0]
    if path.startswith("pagefind/"):
        return "search index (Pagefind)"
    if first in ("static", "media"):
        return f"{first} files"
    if path.endswith((".xml", ".json")):
        return "feeds, sitemaps, mirrors.json"
    if not path.endswith(".html"):
        return "other"
    parts = path.split("/")
    if path == "index.html":
        return "front page"
    if first == "tags":
        return "tag pages"
    if first == "authors":
        return "author pages"
    if "page" in parts[1:2] or len(parts) == 2:
        return "section pages and others"
    return "articles"


def measure() -> dict:
    """Run in the child: three exports and an edit; return the numbers."""
    import django

    django.setup()
    from masthead.mirrors.export import default_workers, export_site
    from masthead.news.models import ArticlePage

    results = {"workers": default_workers()}
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"

        def run(name: str) -> None:
            cpu = time.process_time()
            report = export_site(site)
            results[name] = {
                "pages": report.pages,
                "rendered": report.rendered,
                "written": report.written,
                "removed": report.removed,
                "seconds": report.seconds,
                "cpu_parent": time.process_time() - cpu,
                "files": report.files,
                "bytes": report.bytes,
                "missing": len(report.missing),
            }
            print(f"  {name}: {results[name]}", file=sys.stderr, flush=True)

        run("full")
        run("unchanged")
        articles = ArticlePage.objects.live().order_by("pk")
        article = articles[articles.count() // 2].specific
        article.standfirst = f"Edited for the export benchmark at {time.time():.0f}."
        article.save_revision().publish()
        run("one edit")
        sizes: dict[str, list[int]] = {}
        for path in json.loads((site / "export-manifest.json").read_text()):
            sizes.setdefault(page_type(path), []).append((site / path).stat().st_size)
        results["sizes"] = {kind: [len(v), sum(v)] for kind, v in sizes.items()}
        results["articles"] = ArticlePage.objects.live().count()
    return results


def run_child(folder: Path) -> dict:
    """Measure on a copy of ``folder``'s database (media and static shared)."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        shutil.copy2(folder / "masthead.sqlite3", scratch / "masthead.sqlite3")
        for name in ("secret-key", "static"):
            if (folder / name).exists():
                (scratch / name).symlink_to(folder / name)
        environment = {
            **os.environ,
            "MASTHEAD_VAR_DIR": str(scratch),
            "MEDIA_ROOT": str(folder / "media"),
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
        }
        # What a newsroom gets: SQLite and the default file cache (in the
        # scratch folder). The in-memory cache hid what the export's writes
        # to the file cache cost.
        environment.pop("DATABASE_URL", None)
        environment.pop("CACHE_URL", None)
        output = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, __file__, "--measure"],
            env=environment,
            check=True,
            stdout=subprocess.PIPE,
            timeout=TIMEOUT,
            text=True,
            cwd=ROOT,
        ).stdout
    return json.loads(output.strip().splitlines()[-1])


def verdict(ok: bool) -> str:
    return "meets" if ok else "misses"


def markdown(command: str, runs: dict[str, dict]) -> str:
    lines = [
        "## Static export",
        "",
        f"`{command}`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} cores (shared), SQLite, "
        f"{next(iter(runs.values()))['workers']} render processes.",
        "",
        "| newsroom | export | pages | rendered | written | seconds | pages/s "
        "| target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, result in runs.items():
        for kind in ("full", "unchanged", "one edit"):
            row = result[kind]
            rate = row["pages"] / row["seconds"] if row["seconds"] else 0
            if kind == "full":
                target = (
                    f"{verdict(rate >= TARGET_PAGES_PER_SECOND)} "
                    f"≥ {TARGET_PAGES_PER_SECOND} pages/s"
                )
            elif kind == "one edit":
                target = (
                    f"{verdict(row['seconds'] < TARGET_INCREMENTAL_SECONDS)} "
                    f"< {TARGET_INCREMENTAL_SECONDS:g} s"
                )
            else:
                target = ""
            lines.append(
                f"| {name} | {kind} | {row['pages']} | {row['rendered']} | "
                f"{row['written']} | {row['seconds']:.1f} | {rate:.0f} | {target} |"
            )
    lines += [
        "",
        "Bytes per page type in the export (the largest newsroom):",
        "",
        "| type | files | bytes | bytes per file |",
        "|---|---:|---:|---:|",
    ]
    largest = list(runs.values())[-1]["sizes"]
    for kind, (count, size) in sorted(largest.items(), key=lambda item: -item[1][1]):
        lines.append(f"| {kind} | {count} | {size:,} | {size // max(count, 1):,} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(measure()))
        return
    runs = {}
    for label, count in (
        ("demo", 0),
        (f"{options.articles:,} articles", options.articles),
    ):
        print(f"Measuring the export of {label} …", file=sys.stderr, flush=True)
        runs[label] = run_child(prepare(count))
    command = "python bench/export.py" + (
        f" --articles {options.articles}" if options.articles != 10000 else ""
    )
    print(markdown(command, runs))


if __name__ == "__main__":
    main()
