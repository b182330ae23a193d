"""Fixtures for the tests of the project-level modules."""

import os
import time
import uuid
from types import SimpleNamespace

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends import base, filebased, locmem

from masthead import ratelimit
from masthead.testing import file_cache_settings


@pytest.fixture
def clock(monkeypatch):
    """Move the clock of the caches and rate limits forward, as if time passed."""
    offset = SimpleNamespace(seconds=0.0)
    clock = SimpleNamespace(time=lambda: time.time() + offset.seconds)
    monkeypatch.setattr(filebased, "time", clock)
    monkeypatch.setattr(base, "time", clock)
    monkeypatch.setattr(locmem, "time", clock)
    monkeypatch.setattr(ratelimit, "time", clock)
    return offset


def _redis_url() -> str:
    """The Redis that tests may use: CACHE_URL's when it is Redis."""
    url = os.environ.get("CACHE_URL", "")
    if url.startswith(("redis://", "rediss://")):
        return url
    return os.environ.get("MASTHEAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_cache_settings() -> dict:
    """CACHES for Redis with a key prefix of this test, or skip (fail in CI)."""
    url = _redis_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("MASTHEAD_REQUIRE_REDIS") or os.environ.get("CI"):
            pytest.fail(f"Redis at {url} is required in CI: {error}")
        pytest.skip(f"Redis at {url} is not reachable")
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            # Other test runs may share this Redis: touch only our own keys.
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }


@pytest.fixture(params=["file", "locmem", "redis"])
def any_cache(request, settings, tmp_path):
    """Each cache a newsroom may configure: the default file cache, locmem, Redis."""
    previous = settings.CACHES
    if request.param == "file":
        settings.CACHES = file_cache_settings(tmp_path / "cache")
    elif request.param == "locmem":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"test-{uuid.uuid4().hex}",
            }
        }
    else:
        settings.CACHES = redis_cache_settings()
    yield request.param
    if request.param == "redis":
        cache.delete_pattern("*")  # the prefix keeps it to this test's keys
    else:
        cache.clear()
    # Back before the shared fixtures' teardown clears "the" cache (flushdb).
    settings.CACHES = previous
