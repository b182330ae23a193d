"""The server-side cache of anonymous pages.

Entries are keyed by a generation number; publishing replaces it, so every
page that could show the change (front page, sections, feeds, tags, related
articles elsewhere) is rendered afresh on its next request.

A generation (and a fragment version) is never counted up in the cache: the
file cache's ``incr`` rewrites the value with the default 300 s lifetime, and
any cache may expire or evict an entry. A counter that then restarted at 1
would bring back pages cached under the old numbers. Instead each new value
is minted from the clock and a random part, so it has never been used before:
when the cache forgets the current value, the next request mints a fresh one
and pages are rendered again (a cold cache, never a stale one). Each value is
written once, so a page stored under it was rendered after it was written.
"""

import hashlib
import secrets
import time

from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def _mint(previous: object = None) -> int:
    """Return a value no earlier generation had, greater than ``previous``.

    Microseconds since the epoch, with a random last three digits so that two
    processes minting in the same microsecond do not collide.
    """
    value = time.time_ns() // 1000 * 1000 + secrets.randbelow(1000)
    if isinstance(previous, int) and value <= previous:
        value = previous + 1 + secrets.randbelow(1000)
    return value


def _current(key: str) -> int:
    value = cache.get(key)
    if value is None:
        # Forgotten (or never set): a fresh value, never an old one. On the
        # file cache ``add`` is not atomic; a lost race only orphans pages.
        cache.add(key, _mint(), timeout=None)
        value = cache.get(key)
        if value is None:  # evicted at once by a full cache
            value = _mint()
    return value


def _renew(key: str) -> None:
    cache.set(key, _mint(cache.get(key)), timeout=None)


def generation() -> int:
    """Return the generation that pages are cached under now (one cache get)."""
    return _current(GENERATION_KEY)


def clear() -> None:
    """Make every cached page stale."""
    _renew(GENERATION_KEY)


def version(name: str) -> int:
    """The version of one kind of data that fragments are cached by.

    The goal meter is cached by ``version("funding")`` and the list of live
    appeals by ``version("appeals")``. Publishing an article makes pages
    stale but leaves these fragments fresh.
    """
    return _current(f"pagecache:version:{name}")


def changed(name: str) -> None:
    """Data of kind ``name`` changed: renew its fragments and every page."""
    _renew(f"pagecache:version:{name}")
    clear()


def key(*, generation: int, scheme: str, host: str, full_path: str) -> str:
    digest = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"
