"""One-edit exports on a kept export of an archive, without a full export each time.

``bench/export.py`` makes a full export before every incremental one, 20
minutes at 10,000 articles. This keeps a copy of the archive's database and
its export under ``var/bench/edit-N/`` and measures what follows:

    python bench/export_edit.py --articles 10000 full       # once
    python bench/export_edit.py --articles 10000 edit       # an edit, exported
    python bench/export_edit.py --articles 10000 edit --rounds 4  # as the worker
    python bench/export_edit.py --articles 10000 unchanged
    python bench/export_edit.py --articles 10000 rekey      # after a code change

Every run prints the export's report, its wall time and the CPU time of this
process (the render processes and Pagefind not counted). ``--rounds N``
edits and exports N times in one process, as ``masthead worker`` does when
a publish triggers it: the first round pays what a new process pays once
(templates compiled, first queries), the later ones are the worker's. A change to the
code changes every page's key (``generations._code``), so the next export
would render everything again: ``rekey`` writes the keys of this code into
the kept state, as if the kept export had been made with it (true only of
a change that renders the same bytes).
"""

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive import prepare  # noqa: E402
from copies import setup_copy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("mode", choices=["full", "edit", "unchanged", "rekey"])
    parser.add_argument("--rounds", type=int, default=1)
    options = parser.parse_args()
    source = prepare(options.articles)
    scratch = ROOT / "var" / "bench" / f"edit-{options.articles}"
    if not (scratch / "masthead.sqlite3").is_file():
        scratch.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "masthead.sqlite3", scratch / "masthead.sqlite3")
        (scratch / "static").symlink_to(source / "static")
    setup_copy(scratch, source)
    from masthead.mirrors import generations
    from masthead.mirrors.export import STATE, export_site
    from masthead.mirrors.paths import output_path
    from masthead.news.models import ArticlePage

    site = scratch / "site"
    if options.mode == "rekey":
        state = json.loads((site / STATE).read_text())
        keys = {}
        for url, key in generations.plan().keys.items():
            parts = urlsplit(url)
            target = output_path(parts.path, parts.query)
            if target in state["keys"]:
                keys[target] = key
        state["keys"] = keys
        (site / STATE).write_text(
            json.dumps(state, separators=(",", ":"), sort_keys=True)
        )
        print(f"rekeyed {len(keys)} pages")
        return
    for _ in range(options.rounds):
        if options.mode == "edit":
            articles = ArticlePage.objects.live().order_by("pk")
            article = articles[articles.count() // 2].specific
            article.standfirst = (
                f"Edited for the export benchmark at {time.time():.3f}."
            )
            article.save_revision().publish()
        cpu = time.process_time()
        report = export_site(site, full=options.mode == "full")
        print(
            f"{options.mode}: {report.pages} pages, {report.rendered} rendered, "
            f"{report.written} written, {report.removed} removed, "
            f"{report.seconds:.2f} s, {time.process_time() - cpu:.2f} s CPU here"
        )


if __name__ == "__main__":
    main()
