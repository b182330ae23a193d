"""``make bench``: every reader-page benchmark in one run, into docs/benchmarks.md.

It installs what it needs (wrk, nginx; apt-get as root), prepares the data
(the demo newsroom, and the demo plus 10,000 generated articles from
``bench/archive.py``), starts the servers on free ports of 127.0.0.1 (granian
for the app, nginx with ``deploy/nginx/`` in front, nginx serving a file as
the reference), runs each load for a bounded time with wrk, and writes the
figures next to the reference measured in the same run, the ratio and the
target. The machines are shared and noisy: read the ratios.

Then it runs the standalone section scripts when they exist
(``bench/export.py``, ``bench/newsletters.py``; each prints one Markdown
section) and includes what they print.

    python bench/run.py [--seconds 5] [--articles 10000] [--output docs/benchmarks.md]
                        [--rounds 3] [--keep-sections]

``--rounds`` runs every load and its reference in turn that many times and
reports each one's median run, so that a burst of other work on the machine
moves no figure alone. ``--keep-sections`` skips the section scripts and
keeps what they wrote last.
"""

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
os.environ.setdefault("MASTHEAD_VAR_DIR", str(ROOT / "var" / "bench"))

import django  # noqa: E402

django.setup()  # for masthead's imports (the servers, the stack)

from loads import (  # noqa: E402
    FLOOD_LUA,
    SEARCH_LUA,
    SEARCH_WORDS,
    Load,
    median,
    warm,
    wrk,
)
from report import (  # noqa: E402
    BEGIN,
    END,
    SEARCH_WHY,
    WHY,
    ratio,
    render,
    verdict,
    write,
)
from servers import (  # noqa: E402
    app_env,
    app_server,
    constant_server,
    file_server,
    production,
)
from weight import probe  # noqa: E402

from masthead import stack  # noqa: E402

BENCH = ROOT / "bench"
SECTION_SCRIPTS = [
    ("export.py", "Static export"),
    ("newsletters.py", "Newsletters"),
]
SECTION_TIMEOUT = 1200


def say(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


# Data and servers --------------------------------------------------------


def prepare(articles: int) -> Path | None:
    """Return a MASTHEAD_VAR_DIR with the demo plus ``articles`` generated ones."""
    if not articles:
        return _demo()
    if not (BENCH / "archive.py").exists():
        return None
    sys.path.insert(0, str(BENCH))
    import archive  # bench/archive.py

    say(f"Preparing the demo plus {articles:,} articles (built once, then reused) …")
    return archive.prepare(articles)


def _demo() -> Path:
    folder = ROOT / "var" / "bench" / "demo"
    if not (folder / "ready").exists():
        say("Building the demo newsroom (once, then reused) …")
        folder.mkdir(parents=True, exist_ok=True)
        environment = app_env(folder, port=8000)
        for command in (["migrate"], ["collectstatic", "--noinput"], ["demo"]):
            subprocess.run(  # noqa: S603 - our own CLI
                [sys.executable, "-m", "masthead.cli", *command, "-v0"],
                env=environment, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        (folder / "ready").write_text("0\n")
    return folder


# Publish to live -----------------------------------------------------------


def settle(base: str, seconds: float = 120) -> None:
    """Wait until a server has worked off a load's backlog (bounded)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.monotonic()
        with contextlib.suppress(OSError):
            stack.get(base + "/healthz", timeout=5)
            if time.monotonic() - start < 0.5:
                return
        time.sleep(0.5)


def publish_to_live(var_dir: Path, article_url: str, bases: list[str]) -> dict:
    """Publish a new revision of the article; time until each base serves it."""
    for base in bases:
        settle(base)
    marker = f"bench-{time.time_ns()}"
    code = (
        "import time; from masthead.news.models import ArticlePage; "
        f"page = ArticlePage.objects.get(url_path__endswith={article_url!r}); "
        "original = page.standfirst; "
        f"page.standfirst = original + ' {marker}'; "
        "page.save_revision().publish(); print(time.time(), flush=True); "
        "time.sleep(12); page.standfirst = original; page.save_revision().publish()"
    )
    child = subprocess.Popen(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "masthead.cli", "shell", "-c", code],
        env=app_env(var_dir, port=8000),
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in child.stdout:  # after what `shell` says on starting
        with contextlib.suppress(ValueError):
            published = float(line)
            break
    else:
        raise RuntimeError("publishing failed: see the output above")
    found: dict[str, float | None] = dict.fromkeys(bases)
    deadline = published + 10
    while time.time() < deadline and any(v is None for v in found.values()):
        for base in bases:
            if (
                found[base] is None
                and marker.encode() in stack.get(base + article_url)[2]
            ):
                found[base] = time.time() - published
        time.sleep(0.05)
    child.wait(timeout=60)
    return found


# The run -------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "5"))
    )
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("BENCH_ROUNDS", "3")),
        help="run every load this many times, in turn; report each one's median",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--keep-sections",
        action="store_true",
        help="do not run the section scripts; keep their last sections",
    )
    options = parser.parse_args()
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    for tool in ("wrk", "nginx"):
        if stack.ensure_tool(tool) is None:
            sys.exit(
                f"{tool} is missing and could not be installed (apt-get install {tool})"
            )
    seconds = options.seconds
    logs = Path(tempfile.mkdtemp(prefix="masthead-bench-logs-"))
    demo = prepare(0)
    archive_dir = prepare(options.articles) if options.articles else None

    say("Measuring page weight and queries …")
    probed = probe(demo)
    weights = probed["pages"]
    article = weights["article"]["url"]

    rows: list[tuple[str, str, str, str, str, str]] = []
    loads: dict[str, Load] = {}

    def run(name, url, connections, script=None):
        say(f"{name}: {connections} connections, {seconds:g} s …")
        loads[name] = wrk(url, connections=connections, seconds=seconds, script=script)
        say(f"  {loads[name].cell()}")
        return loads[name]

    def in_rounds(plan):
        """Run the loads of ``plan`` in turn, ``--rounds`` times; the medians.

        The machine's other work comes and goes: each load and its reference
        are measured in every round, and each one's median round (by rate)
        is the figure.
        """
        measured = {name: [] for name, *_ in plan}
        for number in range(max(1, options.rounds)):
            say(f"Round {number + 1} of {max(1, options.rounds)}")
            for name, *load in plan:
                measured[name].append(run(name, *load))
        return [median(results) for results in measured.values()]

    flood_script = logs / "flood.lua"
    flood_script.write_text(FLOOD_LUA)
    search_script = logs / "search.lua"
    search_script.write_text(SEARCH_LUA % ", ".join(f'"{w}"' for w in SEARCH_WORDS))

    say("Starting the app servers …")
    with contextlib.ExitStack() as servers:
        cached = servers.enter_context(app_server(demo, logs / "app.log"))
        uncached = servers.enter_context(
            app_server(demo, logs / "app-uncached.log", PAGE_CACHE_SERVER_TIMEOUT="0")
        )
        front = servers.enter_context(production(demo, cached))
        warm(cached + article)
        _, hit_headers, article_bytes = stack.get(cached + article)
        reference = servers.enter_context(file_server({article: article_bytes}))
        # granian's own ceiling: the hit's bytes and headers, no work in Python.
        sent = [(name, value) for name, value in hit_headers.items()
                if name.lower() not in {"date", "server"}]  # fmt: skip
        ceiling = servers.enter_context(
            constant_server(article_bytes, sent, logs / "constant.log")
        )
        warm(reference + article)
        warm(ceiling + article)
        warm(front + article)

        ref64, ref8, ref_flood, top, a, b, c, b_flood, c_flood = in_rounds([
            ("reference, 64", reference + article, 64),
            ("granian's ceiling", ceiling + article, 64),
            ("reference, 8", reference + article, 8),
            ("reference flood", reference + article, 64, flood_script),
            ("(a)", uncached + article, 8),
            ("(b)", cached + article, 64),
            ("(c)", front + article, 64),
            ("(b) flood", cached + article, 64, flood_script),
            ("(c) flood", front + article, 64, flood_script),
        ])  # fmt: skip

        say("Publishing an article revision and timing until readers get it …")
        live = publish_to_live(demo, article, [cached, front])

    search = None
    if archive_dir is not None:
        # Every request comes from 127.0.0.1: the per-address miss limit is
        # raised (still counted on every miss) so that it answers no 429.
        with app_server(
            archive_dir, logs / "archive.log", PAGE_CACHE_MISS_LIMIT_PER_IP="1000000000"
        ) as archive_app:
            warm(archive_app + "/search/?q=heating+tariffs+qwzxvb", 3)
            misses = ("search misses", archive_app + "/", 8, search_script)
            [search] = in_rounds([misses])

    def add(metric, load, ref, target, met, by=""):
        met = met and load.answered
        if not load.answered:
            by = ": no answer within the time" + (
                f" ({SEARCH_WHY})" if "search" in metric else ""
            )
        if not met and metric in WHY:
            by += f" ({WHY[metric]})"
        rows.append((metric, load.cell(), ref.cell(), ratio(load.rate, ref.rate),
                     target, verdict(met, by)))  # fmt: skip

    add("(a) article, app, page cache off, 8 connections", a, ref8,
        "≥ 300 req/s, p99 < 100 ms", a.rate >= 300 and a.p99_ms < 100 and not a.bad,
        f": {a.rate / 300:.2f} of the rate, "
        f"p99 {a.p99_ms / 100:.1f}× the bound")  # fmt: skip
    add("(b) article, app's page cache, 64 connections", b, ref64,
        "≥ 0.5 of nginx", b.rate >= 0.5 * ref64.rate and not b.bad,
        f": {b.rate / ref64.rate / 0.5:.2f} of the target, and "
        f"{b.rate / top.rate:.2f} of granian's own ceiling below")  # fmt: skip
    rows.append(("granian's ceiling: the same bytes and headers from a constant "
                 "WSGI application, 64 connections", top.cell(), ref64.cell(),
                 ratio(top.rate, ref64.rate), "none: the server alone, for (b)",
                 "reference"))  # fmt: skip
    add("(c) article, production setup (deploy/), 64 connections", c, ref64,
        "≥ 0.8 of nginx (proxy cache)", c.rate >= 0.8 * ref64.rate and not c.bad,
        f": {c.rate / ref64.rate / 0.8:.2f} of the target")  # fmt: skip
    add("(b) flood: random query strings and made-up cookies", b_flood, ref_flood,
        "≥ 0.4 of nginx", b_flood.rate >= 0.4 * ref_flood.rate and not b_flood.bad,
        f": {b_flood.rate / ref_flood.rate / 0.4:.2f} of the target")  # fmt: skip
    add("(c) flood: random query strings and made-up cookies", c_flood, ref_flood,
        "≥ 0.4 of nginx", c_flood.rate >= 0.4 * ref_flood.rate and not c_flood.bad,
        f": {c_flood.rate / ref_flood.rate / 0.4:.2f} of the target")  # fmt: skip
    if search is not None:
        add(f"search misses, {options.articles:,} articles, 8 connections", search,
            ref8, "p99 < 100 ms", search.p99_ms < 100 and not search.bad,
            f": p99 {search.p99_ms / 100:.1f}× the bound ({SEARCH_WHY})")  # fmt: skip

    options.load = (load_before, os.getloadavg()[0])
    report = render(
        options, rows, weights, live, ref64, ref_flood, search is not None,
        time.monotonic() - started,
    )  # fmt: skip
    if options.keep_sections:
        sections = kept_sections(options.output)
    else:
        sections = run_section_scripts()
    write(options.output, report + sections)
    say(f"Wrote {options.output} in {time.monotonic() - started:.0f} s.")


def kept_sections(output: Path) -> str:
    """The sections the section scripts wrote last, as they are in ``output``."""
    text = output.read_text() if output.exists() else ""
    if BEGIN not in text or END not in text:
        return ""
    block = text.split(BEGIN, 1)[1].split(END, 1)[0]
    titles = {title for _, title in SECTION_SCRIPTS}
    parts = block.split("\n## ")[1:]
    kept = [part for part in parts if part.split("\n", 1)[0].split(" (")[0] in titles]
    return "".join(f"\n## {part.rstrip()}\n" for part in kept)


def run_section_scripts() -> str:
    parts = []
    for script, title in SECTION_SCRIPTS:
        path = BENCH / script
        if not path.exists():
            parts.append(
                f"\n## {title}\n\nSkipped: `bench/{script}` does not exist yet.\n"
            )
            continue
        say(f"Running bench/{script} …")
        try:
            done = subprocess.run(  # noqa: S603 - our own script
                [sys.executable, str(path)],
                capture_output=True, text=True, timeout=SECTION_TIMEOUT, cwd=ROOT,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            parts.append(
                f"\n## {title}\n\n"
                f"Skipped: `bench/{script}` ran past {SECTION_TIMEOUT} s.\n"
            )
            continue
        if done.returncode:
            tail = done.stderr.strip().splitlines()[-5:]
            parts.append(
                f"\n## {title}\n\n`bench/{script}` failed (exit {done.returncode}):\n\n"
                "```text\n" + "\n".join(tail) + "\n```\n"
            )
            continue
        parts.append("\n" + done.stdout.strip() + "\n")
    return "".join(parts)


if __name__ == "__main__":
    main()
