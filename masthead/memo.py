"""Parts of reader pages kept in each process's memory, keyed by their versions.

The parts every anonymous reader gets the same (the header and footer of
``base.html``, the appeals' HTML, the newsletter sign-up block, the mirror
list in the footer) were each read from the shared cache on every uncached
render, or rendered again: a read from the file cache costs an open, a read,
zlib and unpickling. Here each process keeps them in a bounded dict.

A key holds every version that can change what it keys (read once per
request from the shared cache: ``masthead.pagecache.version``), so that a
change made in any process reaches every other on its next render, as the
shared cache's entries do. What changes with time alone (the goal meter, an
appeal starting) has ``seconds``: an entry is not used past its age. A memo
holds at most ``size`` entries and drops the one used least recently; a
change of any setting (tests) empties every memo.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar
from weakref import WeakSet

from django.core.signals import setting_changed
from django.dispatch import receiver

T = TypeVar("T")
_MISSING = object()
_every: WeakSet["Memo"] = WeakSet()


class Memo:
    """A bounded per-process dict of values built once per key."""

    def __init__(self, *, size: int, seconds: float):
        self.size = size
        self.seconds = seconds
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        _every.add(self)

    def get(self, key: Hashable, default=None):
        """Return the value kept under ``key``, unless it is missing or too old."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return default
            if found[0] <= time.monotonic():
                del self._entries[key]
                return default
            self._entries.move_to_end(key)
        return found[1]

    def set(self, key: Hashable, value, *, seconds: float | None = None) -> None:
        expires = time.monotonic() + (self.seconds if seconds is None else seconds)
        with self._lock:
            entries = self._entries
            entries[key] = (expires, value)
            entries.move_to_end(key)
            while len(entries) > self.size:
                entries.popitem(last=False)

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the value under ``key``, building and keeping it if needed.

        Two threads that miss at once both build it; either value is right.
        """
        value = self.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            self.set(key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def clear_all() -> None:
    """Empty every memo of this process."""
    for memo in list(_every):
        memo.clear()


@receiver(setting_changed)
def _settings_changed(**kwargs) -> None:
    # What a part holds may follow any setting (the site's name, the
    # languages, the URLs): tests that change one get fresh parts.
    clear_all()


# Set while one snapshot of the site is rendered page by page (the static
# export): the parts read from the shared cache, kept for the whole render.
_once: ContextVar[dict | None] = ContextVar("rendering_once", default=None)


@contextmanager
def rendering_once(parts: dict):
    """Render one unchanging snapshot of the site while this lasts.

    Parts of which there is one per article (``{% memo … using=… %}``, the
    article's blocks) are rendered, neither read from the shared cache nor
    stored there or in memory: the static export renders every article once,
    and storing 10,000 articles' parts would push out what the site's
    readers are served. The site's shared parts (``news.fragments.cached``)
    are read from the shared cache once and kept in ``parts``.
    """
    token = _once.set(parts)
    try:
        yield
    finally:
        _once.reset(token)


def rendered_once() -> bool:
    return _once.get() is not None


# The same question asked by what needs our server (a form that posts to it)
# and must say so in the static export instead.
exporting = rendered_once


def parts_kept() -> dict | None:
    """The shared parts kept while a snapshot renders (``rendering_once``)."""
    return _once.get()
