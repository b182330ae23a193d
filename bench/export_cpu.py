"""The CPU a full export spends per page, in one process, on the default cache.

    python bench/export_cpu.py --articles 1000 --rounds 5

Each round copies the archive's database into ``var/bench/cpu-N/`` with an
empty file cache (the default ``CACHE_URL``, as an operator's export has),
exports everything with one worker and prints the pages, the wall time, the CPU
time of the exporting process (Pagefind's processes not counted) and of its
main thread alone (the pages render there; the search index is built in
another), and the queries of the main thread. Rounds run in fresh
processes; the best and the median are printed at the end.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive import prepare  # noqa: E402
from copies import setup_copy  # noqa: E402


def one_round(source: Path, scratch: Path) -> dict:
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copy2(source / "masthead.sqlite3", scratch / "masthead.sqlite3")
    (scratch / "static").symlink_to(source / "static")
    setup_copy(scratch, source)
    from django.db import connection

    from masthead.mirrors.export import export_site

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    cpu, main = time.process_time(), time.thread_time()
    with connection.execute_wrapper(count):
        report = export_site(scratch / "site", full=True, workers=1)
    return {
        "pages": report.pages,
        "seconds": report.seconds,
        "cpu": time.process_time() - cpu,
        "main": time.thread_time() - main,
        "queries": queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    source = prepare(options.articles)
    scratch = ROOT / "var" / "bench" / f"cpu-{options.articles}"
    if options.one:
        print(json.dumps(one_round(source, scratch)))
        return
    results = []
    for number in range(options.rounds):
        output = subprocess.run(  # noqa: S603 - this script, our interpreter
            [sys.executable, __file__, "--articles", str(options.articles), "--one"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(output.strip().splitlines()[-1])
        results.append(result)
        print(
            f"round {number + 1}: {result['pages']} pages, "
            f"{result['seconds']:.2f} s, {result['cpu']:.2f} s CPU, "
            f"{1000 * result['cpu'] / result['pages']:.2f} ms CPU/page, "
            f"{1000 * result['main'] / result['pages']:.2f} in the main thread, "
            f"{result['queries']} queries",
            flush=True,
        )
    for name, what in (("cpu", "CPU"), ("main", "main thread CPU")):
        per_page = [1000 * r[name] / r["pages"] for r in results]
        print(
            f"ms {what}/page: best {min(per_page):.2f}, "
            f"median {statistics.median(per_page):.2f}"
        )


if __name__ == "__main__":
    main()
