"""The default cache backend: the file cache, culled without a listing per store."""

from pathlib import Path

import pytest
from django.core.cache.backends import filebased

from masthead.cache import FileBasedCache


def make(folder: Path, **options) -> FileBasedCache:
    return FileBasedCache(str(folder), {"OPTIONS": options})


def entries(folder: Path) -> int:
    return len(list(folder.glob("*.djcache")))


@pytest.fixture
def listings(monkeypatch):
    """Count the folder listings every cache of the test makes (the real ones run)."""
    counted = []
    real = FileBasedCache._list_cache_files

    def counting(self):
        counted.append(self)
        return real(self)

    monkeypatch.setattr(FileBasedCache, "_list_cache_files", counting)
    return counted


def test_stores_below_the_limit_list_the_folder_once_per_recount(tmp_path, listings):
    cache = make(tmp_path, MAX_ENTRIES=1000, RECOUNT_EVERY=50)
    for number in range(200):
        cache.set(f"page-{number}", b"x" * 100)
    # Django's backend lists the folder on each of the 200 stores.
    assert len(listings) == 4
    assert entries(tmp_path) == 200
    assert cache.get("page-0") == b"x" * 100


def test_the_folder_never_grows_past_max_entries_plus_one_recount(tmp_path):
    cache = make(tmp_path, MAX_ENTRIES=60, RECOUNT_EVERY=5, CULL_FREQUENCY=3)
    most = 0
    for number in range(500):
        cache.set(f"page-{number}", number)
        most = max(most, entries(tmp_path))
    assert most <= 60
    assert entries(tmp_path) >= 60 - 60 // 3


def test_stores_of_another_process_are_counted_at_the_next_recount(tmp_path):
    """Two caches on one folder, as two server processes: each culls the total."""
    one = make(tmp_path, MAX_ENTRIES=100, RECOUNT_EVERY=10)
    other = make(tmp_path, MAX_ENTRIES=100, RECOUNT_EVERY=10)
    for number in range(90):
        one.set(f"one-{number}", number)
    for number in range(200):
        other.set(f"other-{number}", number)
        one.set(f"one-again-{number}", number)
        assert entries(tmp_path) <= 100 + 2 * 10


def test_cull_frequency_zero_empties_the_folder_at_the_limit(tmp_path):
    cache = make(tmp_path, MAX_ENTRIES=20, RECOUNT_EVERY=100, CULL_FREQUENCY=0)
    for number in range(20):
        cache.set(f"page-{number}", number)
    assert entries(tmp_path) == 20
    cache.set("one-more", 1)
    assert entries(tmp_path) == 1
    assert cache.get("one-more") == 1


def test_clear_starts_the_count_again(tmp_path, listings):
    cache = make(tmp_path, MAX_ENTRIES=30, RECOUNT_EVERY=1000)
    for number in range(25):
        cache.set(f"page-{number}", number)
    cache.clear()
    listed = len(listings)
    for number in range(25):
        cache.set(f"again-{number}", number)
    assert len(listings) == listed  # 25 stores after a clear: under the limit
    assert entries(tmp_path) == 25


def test_entries_written_by_either_backend_read_back(tmp_path):
    ours = make(tmp_path)
    django = filebased.FileBasedCache(str(tmp_path), {})
    value = {"page": "<p>Lantern</p>" * 500, "n": 1}
    ours.set("ours", value)
    django.set("django", value)
    assert django.get("ours") == value
    assert ours.get("django") == value
