"""The report ``bench/run.py`` writes into docs/benchmarks.md: figures, ratios,
targets and why a target was missed.
"""

import datetime
import os
from pathlib import Path

from servers import APP_THREADS, APP_WORKERS, NGINX_WORKERS

BEGIN = "<!-- begin bench/run.py: everything up to the end mark is rewritten -->"
END = "<!-- end bench/run.py -->"

# What makes a target fail, as measured on 2026-12-02 after the render work
# (SQLite connections kept open, the counting file cache); shown only next
# to a missed target. Correct these when the causes change.
WHY = {
    "(a) article, app, page cache off, 8 connections": (
        "an uncached article costs 4-5 ms of CPU in one process (the shared "
        "parts of the page kept in memory, masthead/memo.py); what is left is "
        "the article's query and parts, Wagtail's view-restriction hook, "
        "brotli and Django's middleware, and granian's four threads, wrk and "
        "the rest of the machine take turns on the two cores, which sets the "
        "slowest 1 %"
    ),
    "(b) article, app's page cache, 64 connections": (
        "a hit is answered at the WSGI level from process memory, about 4 µs "
        "of Python (best of 15 rounds in one process); the rest is granian's "
        "own cost of a WSGI response with the page's 17 headers, which its "
        "ceiling below measures, and wrk on the same two cores; "
        "`masthead serve --threads 1` measured no better (0.30-0.39 of "
        "nginx, against 0.36-0.45 with two threads)"
    ),
    "(b) flood: random query strings and made-up cookies": (
        "the flood is answered from the cache (unknown parameters and "
        "cookies are ignored); what remains is parsing each request's query "
        "and cookies in Python"
    ),
    "(c) article, production setup (deploy/), 64 connections": (
        "served from nginx's proxy cache, which reads its entry from disk and "
        "adds headers on each hit; the export as files (target 0.9) is not "
        "configured in this run"
    ),
    "(c) flood: random query strings and made-up cookies": (
        "nginx's key leaves both out; a miss here means nginx itself was "
        "starved of the cores"
    ),
}
SEARCH_WHY = (
    "a miss costs 4-5 ms of CPU in one process and the rate and p50 are "
    "well within; the slowest ones wait for the file cache's cull: each "
    "miss stores its page, and when the folder reaches MAX_ENTRIES (5,000) "
    "the request that stores deletes a twentieth of it (35-65 ms; a third, "
    "270 ms, before CULL_FREQUENCY was set to 20), while the other "
    "connections of that process queue behind it, on two cores shared with "
    "wrk; 1,500 misses one after another in one process: p50 4.0 ms, p99 "
    "15.9 ms. With Redis as the cache (the production setup) there is no cull"
)


def ratio(value: float, reference: float) -> str:
    return f"{value / reference:.3f}" if reference else "–"


def verdict(met: bool, by: str = "") -> str:
    return "met" if met else f"**missed**{by}"


def render(options, rows, weights, live, ref64, ref_flood, searched, elapsed) -> str:
    today = datetime.date.today().isoformat()
    cores = os.cpu_count()
    lines = [
        "## Reader pages, caches and the production setup",
        "",
        f"Command: `make bench` (`python bench/run.py --seconds {options.seconds:g} "
        f"--articles {options.articles}"
        + f" --rounds {options.rounds}"
        + (" --keep-sections" if getattr(options, "keep_sections", False) else "")
        + f"`), run on {today} on 127.0.0.1 of a shared "
        f"{cores}-core machine, wrk (2 threads) on the same cores, "
        f"{options.seconds:g} s per load, every load and its reference run in "
        f"turn {options.rounds} times and the median run of each shown, "
        f"{elapsed:.0f} s in all, load average "
        f"{options.load[0]:.1f} at the start and {options.load[1]:.1f} at the end "
        "(other work on the machine takes cores from every figure). The app runs "
        f"under granian ({APP_WORKERS} workers, {APP_THREADS} threads) with the "
        "default settings (SQLite, the file cache); the production setup is "
        f"nginx ({NGINX_WORKERS} workers) configured from `deploy/nginx/` in front "
        "of it. The reference is nginx serving the same article's bytes as a "
        "file, measured in the same run, at the same number of connections and "
        "with the same request script.",
        "",
        "| metric | Masthead | reference (nginx, a file) | ratio | target | |",
        "|---|---|---|---:|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
        '"Page cache off" is `PAGE_CACHE_SERVER_TIMEOUT=0`: every request is '
        "rendered. The flood sends every request with a new `?utm_source=…&x=…` "
        "and a made-up `sessionid`, `csrftoken` and analytics cookie. "
        "Latencies are those of the requests that completed within the load's "
        "time; wrk gives up on a request after 5 s.",
    ]
    if not searched:
        lines += [
            "",
            "Search misses: skipped (no `bench/archive.py`, or `--articles 0`).",
        ]
    else:
        lines += [
            "",
            "Search misses: each request asks for two words of the archive's "
            "vocabulary and a random six-letter one, so no two queries are the "
            "same and none is answered from a cache.",
        ]
    lines += [
        "",
        "### Publish to live",
        "",
        "A new revision of the article is published by a separate `masthead` "
        "process (as the admin does); the time is until a reader's request "
        "gets the new text. Target: within 5 s.",
        "",
        "| served by | seconds | target |",
        "|---|---:|---|",
    ]
    for base, name in zip(
        live,
        ["the app (its page cache)", "the production setup (nginx's cache)"],
        strict=True,
    ):
        seconds = live[base]
        if seconds is None:
            lines.append(f"| {name} | not within 10 | **missed** |")
        else:
            lines.append(
                f"| {name} | {seconds:.2f} | "
                f"{verdict(seconds <= 5, f': {seconds - 5:.1f} s over')} |"
            )
    lines += [
        "",
        "### Bytes, requests and queries per page type (the demo)",
        "",
        "HTML as served and gzipped (level 9); CSS and JS gzipped; requests "
        "count the page, its stylesheets, scripts and `<img>` elements; queries "
        "are those of one uncached render. Budgets: an article without images "
        "at most 30 KB of HTML, CSS and JS in at most 4 requests; the front "
        "page at most 300 KB with its images; at most 10 queries for any page.",
        "",
        "| page | HTML | HTML gzip | CSS+JS gzip | requests (images) "
        "| image bytes | transferred | queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in weights.items():
        moved = row["html_gzip"] + row["css_js_gzip"] + row["image_bytes"]
        lines.append(
            f"| {name} (`{row['url']}`) | {row['html']:,} | {row['html_gzip']:,} | "
            f"{row['css_js_gzip']:,} | {row['requests']} ({row['images']}) | "
            f"{row['image_bytes']:,} | {moved:,} | {row['queries']} |"
        )
    article = weights["article"]
    text_weight = article["html_gzip"] + article["css_js_gzip"]
    text_requests = article["requests"] - article["images"]
    front = weights["front page"]
    front_weight = front["html_gzip"] + front["css_js_gzip"] + front["image_bytes"]
    worst = max(weights.values(), key=lambda row: row["queries"])
    most = worst["queries"]
    lines += [
        "",
        f"- Article without its images: {text_weight:,} bytes in {text_requests} "
        f"requests, {verdict(text_weight <= 30_000 and text_requests <= 4)} "
        "(30 KB, 4 requests).",
        f"- Front page with its images: {front_weight:,} bytes, "
        + verdict(
            front_weight <= 300_000, f": {front_weight / 300_000:.2f}× the budget"
        )
        + " "
        "(300 KB).",
        f"- Most queries: {most} (`{worst['url']}`), "
        f"{verdict(most <= 10, f': {most - 10} over')} (10).",
    ]
    return "\n".join(lines) + "\n"


def write(output: Path, generated: str) -> None:
    """Replace the generated part of ``output``; keep what other scripts wrote."""
    block = f"{BEGIN}\n\n{generated.strip()}\n\n{END}"
    text = output.read_text() if output.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    elif "\n## " in text:  # before the first section other scripts wrote
        before, after = text.split("\n## ", 1)
        text = f"{before.rstrip()}\n\n{block}\n\n## {after}"
    else:
        text = f"{text.rstrip()}\n\n{block}\n"
    output.write_text(text)
