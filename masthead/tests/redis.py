"""Redis for the tests that run servers or workers on it.

The same Redis as the other Redis tests (``CACHE_URL`` when it is Redis, else
``MASTHEAD_TEST_REDIS_URL``, by default db 15 on localhost); skipped when
none answers, failed instead under ``MASTHEAD_REQUIRE_REDIS=1`` or in CI.
"""

import os

import pytest
import redis

from masthead.tests.conftest import _redis_url


def redis_url() -> str:
    """Return the URL of a Redis that answers, or skip (or fail) the test."""
    url = _redis_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("MASTHEAD_REQUIRE_REDIS") or os.environ.get("CI"):
            pytest.fail(f"Redis at {url} is required in CI: {error}")
        pytest.skip(f"Redis at {url} is not reachable")
    return url
