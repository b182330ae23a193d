"""The server-side cache of anonymous pages.

Entries are keyed by a generation number; publishing bumps it, so every page
that could show the change (front page, sections, feeds, tags, related
articles elsewhere) is rendered afresh on its next request.
"""

import hashlib

from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def clear() -> None:
    """Make every cached page stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def key(*, generation: int, scheme: str, host: str, full_path: str) -> str:
    digest = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"
