"""Benchmarks of reader pages: render speed as ratios, and page weight.

Run with ``make bench``. It builds the demo newsroom in ``var/bench`` once,
then times requests through Django's full middleware stack in one process.
The machines are shared and noisy, so speeds are reported against a reference
measured in the same run (``/healthz``: one trivial database query).
"""

import gzip
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("MASTHEAD_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("CACHE_URL", "locmemcache://bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)

from masthead import pagecache  # noqa: E402
from masthead.appeals.models import Appeal  # noqa: E402
from masthead.news.models import ArticlePage  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))


def rate(client: Client, url: str, *, cold: bool) -> float:
    """Return requests per second for ``url``; ``cold`` empties the page cache."""
    samples = []
    for _ in range(3):
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < SECONDS / 3:
            if cold:
                pagecache.clear()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            count += 1
        samples.append(count / (time.perf_counter() - start))
    return statistics.median(samples)


def main() -> None:
    setup_test_environment()  # the test client's host, as the test suite has
    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        print("Building the demo newsroom in var/bench …", file=sys.stderr)
        call_command("demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    urls = {
        "article": article.url,
        "front page": "/",
        "section": article.get_parent().url,
        "search": "/search/?q=korvik",
        "support page": "/support/",
        "RSS feed": "/feed.xml",
    }
    for url in urls.values():  # renditions and first-hit work out of the way
        client.get(url)

    reference = rate(client, "/healthz", cold=False)
    rows = [("/healthz (reference)", reference, 1.0, "")]
    for name, url in urls.items():
        cold = rate(client, url, cold=True)
        warm = rate(client, url, cold=False)
        rows.append((f"{name}, uncached", cold, cold / reference, ""))
        rows.append((f"{name}, page cache hit", warm, warm / reference, ""))

    # The cost of appeals: the same article with every appeal switched off,
    # measured in turns with it on, so that the machine's noise hits both.
    active = list(Appeal.objects.filter(active=True).values_list("pk", flat=True))

    def appeals_on(on: bool) -> None:
        Appeal.objects.filter(pk__in=active).update(active=on)
        pagecache.changed("appeals")
        client.get(urls["article"])  # the appeals' own fragments, once

    with_appeals, without = [], []
    for _ in range(3):
        appeals_on(False)
        without.append(rate(client, urls["article"], cold=True))
        bare_html = client.get(urls["article"]).content
        appeals_on(True)
        with_appeals.append(rate(client, urls["article"], cold=True))
    paired = statistics.median(with_appeals)
    bare = statistics.median(without)
    rows.insert(2, ("article with appeals (paired), uncached", paired,
                    paired / reference, ""))  # fmt: skip
    rows.insert(3, ("article without appeals (paired), uncached", bare,
                    bare / reference, ""))  # fmt: skip

    pagecache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.url).content
    css_path = ROOT / "masthead" / "static" / "masthead" / "site.css"
    css = css_path.read_bytes()
    script = (
        ROOT / "masthead" / "appeals" / "static" / "appeals" / "appeals.js"
    ).read_bytes()
    appeals = html.count(b"data-appeal=")

    print(f"Reference /healthz: {reference:,.0f} requests/s\n")
    print("| page | requests/s | × reference |")
    print("|---|---:|---:|")
    for name, per_second, ratio, _ in rows:
        print(f"| {name} | {per_second:,.0f} | {ratio:.3f} |")
    print()
    print("| weight of an article page | bytes | gzip |")
    print("|---|---:|---:|")
    print(f"| HTML | {len(html):,} | {len(gzip.compress(html)):,} |")
    print(
        f"| HTML, appeals switched off | {len(bare_html):,} | "
        f"{len(gzip.compress(bare_html)):,} |"
    )
    print(f"| CSS (the only stylesheet) | {len(css):,} | {len(gzip.compress(css)):,} |")
    print(
        f"| appeals.js (the only script) | {len(script):,} | "
        f"{len(gzip.compress(script)):,} |"
    )
    print(f"\nAppeals rendered into the article: {appeals}")
    print(f"\nDatabase queries for an uncached article: {len(queries)}")


if __name__ == "__main__":
    main()
