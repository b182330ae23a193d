"""Generations and versions: the numbers that page keys and fragments are
minted under, kept in the shared cache and in each process's memory.
"""

import contextlib
import hashlib
import secrets
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver

from masthead.pagecache.entries import _local, forget_local
from masthead.pagecache.hot import hot

GENERATION_KEY = "pagecache:generation"

# The versions read during the current request (``versions_per_request``):
# a page asks for each several times, and each ask is a read from the cache.
_request_versions: ContextVar[dict | None] = ContextVar(
    "pagecache_versions", default=None
)


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


@receiver(setting_changed)
def _settings_changed(*, setting, **kwargs) -> None:
    if setting in ("CACHES", "PAGE_CACHE_REFRESH_SECONDS", "PAGE_CACHE_LOCAL_BYTES"):
        forget_local()


def generation() -> int:
    """Return the generation that pages are cached under now.

    Read from the shared cache at most once per PAGE_CACHE_REFRESH_SECONDS.
    """
    now = time.monotonic()
    if (
        _local.generation is not None
        and now - _local.read_at < hot.PAGE_CACHE_REFRESH_SECONDS
    ):
        return _local.generation
    value = _current(GENERATION_KEY)
    _local.remember(value, now)
    return value


def clear() -> None:
    """Make every cached page stale, in every process within the interval."""
    value = _mint(cache.get(GENERATION_KEY))
    cache.set(GENERATION_KEY, value, timeout=None)
    _local.remember(value, time.monotonic())


def version(name: str) -> int:
    """The version of one kind of data that fragments are cached by.

    The goal meter is cached by ``version("funding")`` and the list of live
    appeals by ``version("appeals")``. Publishing an article makes pages
    stale but leaves these fragments fresh.
    """
    memo = _request_versions.get()
    if memo is None:
        return _current(f"pagecache:version:{name}")
    value = memo.get(name)
    if value is None:
        value = memo[name] = _current(f"pagecache:version:{name}")
    return value


@contextlib.contextmanager
def versions_per_request():
    """Read each version at most once inside the block (one request's render)."""
    token = _request_versions.set({})
    try:
        yield
    finally:
        _request_versions.reset(token)


def changed(name: str) -> None:
    """Data of kind ``name`` changed: renew its fragments and every page."""
    _renew(f"pagecache:version:{name}")
    memo = _request_versions.get()
    if memo is not None:
        memo.pop(name, None)  # the rest of this request reads the new one
    clear()


def key(*, generation: int, scheme: str, host: str, full_path: str) -> str:
    digest = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"
