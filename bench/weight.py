"""Bytes, requests and queries of each page type, for ``make bench``.

Measured in a child process with Django set up on the bench's data (this
script run on its own), so that the figures are those of one uncached render
with the default templates and assets.
"""

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def probe(var_dir: Path) -> dict:
    """Return the URLs of each page type, their weight and their queries."""
    from servers import app_env

    out = subprocess.run(  # noqa: S603 - this script, our interpreter
        [sys.executable, __file__],
        env=app_env(var_dir, port=8000, CACHE_URL="locmemcache://probe"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode:
        raise RuntimeError(f"probe failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout)


def measure() -> None:
    """Print, as JSON, each page type's URL, weight and queries."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from masthead import pagecache
    from masthead.news.models import ArticlePage, Author

    setup_test_environment()
    client = Client()
    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    tag = article.tags.first()
    author = Author.objects.first()
    pages = {
        "article": article.url,
        "front page": "/",
        "section": article.get_parent().url,
        "author": f"/authors/{author.slug}/" if author else None,
        "tag": f"/tags/{tag.slug}/" if tag else None,
        "search": "/search/?q=korvik",
        "RSS feed": "/feed.xml",
        "support page": "/support/",
    }
    static = Path(settings.STATIC_ROOT)
    media = Path(settings.MEDIA_ROOT)
    rows = {}
    for name, url in pages.items():
        if url is None:
            continue
        client.get(url)  # renditions and first-hit work out of the way
        pagecache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        html = response.content
        text = html.decode(errors="replace")
        styles = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
        scripts = re.findall(r'<script[^>]+src="([^"]+)"', text)
        images = set(re.findall(r'<img[^>]+src="([^"]+)"', text))
        assets = 0
        for src in styles + scripts:
            path = static / src.split("/static/", 1)[-1].split("?")[0]
            if path.exists():
                assets += len(gzip.compress(path.read_bytes()))
        image_bytes = 0
        for src in images:
            path = media / src.split("/media/", 1)[-1].split("?")[0]
            if path.exists():
                image_bytes += path.stat().st_size
        rows[name] = {
            "url": url,
            "status": response.status_code,
            "html": len(html),
            "html_gzip": len(gzip.compress(html)),
            "css_js_gzip": assets,
            "requests": 1 + len(styles) + len(scripts) + len(images),
            "images": len(images),
            "image_bytes": image_bytes,
            "queries": len(queries),
        }
    print(json.dumps({"pages": rows, "article_slug": article.slug}))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    measure()
