"""The server-side cache of anonymous pages.

Entries are keyed by a generation number; publishing bumps it, so every page
that could show the change (front page, sections, feeds, tags, related
articles elsewhere) is rendered afresh on its next request.
"""

import hashlib

from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def _counter(key: str) -> int:
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, timeout=None)
        value = cache.get(key, 1)
    return value


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)


def generation() -> int:
    return _counter(GENERATION_KEY)


def clear() -> None:
    """Make every cached page stale."""
    _bump(GENERATION_KEY)


def version(name: str) -> int:
    """The version of one kind of data that fragments are cached by.

    The goal meter is cached by ``version("funding")`` and the list of live
    appeals by ``version("appeals")``. Publishing an article makes pages
    stale but leaves these fragments fresh.
    """
    return _counter(f"pagecache:version:{name}")


def changed(name: str) -> None:
    """Data of kind ``name`` changed: renew its fragments and every page."""
    _bump(f"pagecache:version:{name}")
    clear()


def key(*, generation: int, scheme: str, host: str, full_path: str) -> str:
    digest = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"
