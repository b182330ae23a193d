"""Redis for the tests that need it: skipped when none answers.

``MASTHEAD_TEST_REDIS_URL`` names the server and database (default
``redis://127.0.0.1:6379/15``); with ``MASTHEAD_REQUIRE_REDIS=1`` a missing
Redis fails the run instead of skipping.
"""

import os

import pytest
import redis


def redis_url() -> str:
    """Return the URL of a Redis that answers, or skip (or fail) the test."""
    url = os.environ.get("MASTHEAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError as error:
        if os.environ.get("MASTHEAD_REQUIRE_REDIS"):
            pytest.fail(f"Redis is required at {url}: {error}")
        pytest.skip(f"no Redis at {url} ({error})")
    return url
