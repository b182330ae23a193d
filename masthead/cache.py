"""The default cache: Django's file cache, without a folder listing per store.

Django's ``FileBasedCache.set`` lists the cache's whole folder on every call
to see whether it has reached ``MAX_ENTRIES`` (``_cull``). With a few
thousand entries that listing costs more than the rest of a page-cache miss.
This backend keeps, in each process, the count of its last listing plus the
stores made since, and lists the folder again only when that estimate
reaches ``MAX_ENTRIES`` or after ``RECOUNT_EVERY`` stores (default: a
hundredth of ``MAX_ENTRIES``), so that the stores of other processes are
counted too. The cull itself is Django's: past ``MAX_ENTRIES``, a random
``1/CULL_FREQUENCY`` of the entries is deleted.

Values are compressed with zlib's fastest level (Django's default is 6): a
page-cache entry holds its page brotli- and gzip-compressed already, which
zlib cannot make smaller, and the page's plain text shrinks nearly as much.
Any level reads back the same way, so entries of either backend stay valid.

A store over an existing entry is counted as a new one, so the estimate only
ever runs ahead of the folder. Each process makes at most ``RECOUNT_EVERY``
stores between listings, so with P processes the folder holds at most
``MAX_ENTRIES + P × RECOUNT_EVERY`` entries before one of them culls.
"""

import pickle
import random
import threading
import zlib

from django.core.cache.backends import filebased


class FileBasedCache(filebased.FileBasedCache):
    """``FileBasedCache`` that counts its entries instead of listing them."""

    def __init__(self, dir, params):
        super().__init__(dir, params)
        options = params.get("OPTIONS", {})
        self._recount_every = max(
            1, int(options.get("RECOUNT_EVERY", self._max_entries // 100))
        )
        self._count_lock = threading.Lock()
        self._estimate: int | None = None  # unknown until the first listing
        self._since_listing = 0

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), 1))

    def _cull(self):
        """Cull as Django does, but list the folder only when it may be full."""
        with self._count_lock:
            self._since_listing += 1
            if self._estimate is not None:
                self._estimate += 1
                if (
                    self._estimate < self._max_entries
                    and self._since_listing < self._recount_every
                ):
                    return
            self._since_listing = 0
        filelist = self._list_cache_files()
        count = len(filelist)
        if count >= self._max_entries:
            if self._cull_frequency == 0:
                self.clear()
                count = 0
            else:
                doomed = random.sample(filelist, int(count / self._cull_frequency))
                for fname in doomed:
                    self._delete(fname)
                count -= len(doomed)
        with self._count_lock:
            self._estimate = count + 1  # the store this cull makes room for

    def clear(self):
        super().clear()
        with self._count_lock:
            self._estimate = 0
            self._since_listing = 0
