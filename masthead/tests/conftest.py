"""Fixtures for the tests of the project-level modules."""

import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.cache.backends import base, filebased, locmem


def file_cache_settings(location, *, max_entries: int = 5000) -> dict:
    """CACHES as settings.py builds them by default: a file cache under var/."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location),
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    }


@pytest.fixture
def file_cache(settings, tmp_path):
    """Switch to the default setup's file cache, in a folder of this test."""
    settings.CACHES = file_cache_settings(tmp_path / "cache")
    yield cache
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Move the clock of the caches forward, as if time had passed."""
    offset = SimpleNamespace(seconds=0.0)
    clock = SimpleNamespace(time=lambda: time.time() + offset.seconds)
    monkeypatch.setattr(filebased, "time", clock)
    monkeypatch.setattr(base, "time", clock)
    monkeypatch.setattr(locmem, "time", clock)
    return offset

