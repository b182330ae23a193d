"""Rate limits hold under concurrency, for their whole window, whatever the cache."""

import json
import threading

import pytest
from django.core.cache import cache
from django.test import Client

from masthead import ratelimit
from masthead.appeals.factories import appeal_build
from masthead.appeals.models import DailyCount
from masthead.models import RateLimitWindow
from masthead.testing import race
from masthead.tests.conftest import file_cache_settings

BEACON = {"appeal": "favour", "variant": "A", "event": "impression"}


def _beacon(client: Client, **headers) -> int:
    return client.post(
        "/appeals/beacon",
        json.dumps(BEACON),
        content_type="text/plain;charset=UTF-8",
        **headers,
    ).status_code


@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_clients_get_no_more_than_the_limit(any_cache, settings):
    appeal_build("favour")
    settings.APPEALS_BEACON_LIMIT = {"PER_IP": 30, "WINDOW": 3600}
    codes: list[int] = []
    lock = threading.Lock()

    def client_sends_ten() -> None:
        client = Client()
        for _ in range(10):
            code = _beacon(client, REMOTE_ADDR="198.51.100.20")
            with lock:
                codes.append(code)

    assert race(client_sends_ten, threads=8) == []
    assert sorted(set(codes)) == [204, 429]
    assert codes.count(204) == 30
    assert DailyCount.objects.get().impressions == 30


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_are_counted_exactly(any_cache):
    allowed: list[bool] = []

    def hit_twenty() -> None:
        for _ in range(20):
            allowed.append(ratelimit.hit("test", "reader", limit=100, window=3600))

    assert race(hit_twenty, threads=8) == []
    assert allowed.count(True) == 100
    assert not ratelimit.hit("test", "reader", limit=160, window=3600)


@pytest.mark.django_db
@pytest.mark.parametrize("elapsed", [301, 3599])
def test_the_window_lasts_its_configured_length(any_cache, clock, elapsed):
    assert [
        ratelimit.hit("test", "a@example.org", limit=2, window=3600) for _ in range(3)
    ] == [True, True, False]
    clock.seconds = elapsed
    assert not ratelimit.hit("test", "a@example.org", limit=2, window=3600)
    clock.seconds = 3601
    assert ratelimit.hit("test", "a@example.org", limit=2, window=3600)
    assert ratelimit.hit("test", "a@example.org", limit=2, window=3600)
    assert not ratelimit.hit("test", "a@example.org", limit=2, window=3600)


@pytest.mark.django_db
def test_a_flood_of_unique_pages_resets_no_limit(any_cache, client, home, settings):
    if any_cache == "file":  # small enough that the flood culls it many times
        location = settings.CACHES["default"]["LOCATION"]
        settings.CACHES = file_cache_settings(location, max_entries=20)
    appeal_build("favour")
    settings.APPEALS_BEACON_LIMIT = {"PER_IP": 3, "WINDOW": 3600}
    assert [_beacon(client) for _ in range(4)] == [204, 204, 204, 429]
    for n in range(150):
        client.get(f"/robots.txt?x={n}")
        if n % 10 == 0:
            assert _beacon(client) == 429, n
    assert DailyCount.objects.get().impressions == 3


def _stored_windows(store: str) -> list[str]:
    """Every counter kept, as text: database rows, or Redis keys and values."""
    if store != "redis":
        return [json.dumps(row) for row in RateLimitWindow.objects.values()]
    redis = ratelimit._redis_client()
    counters = [
        key
        for key in redis.keys(cache.make_key("ratelimit:*"))
        if redis.type(key) == b"hash"
    ]
    return [f"{key!r} {redis.hgetall(key)!r}" for key in counters]


@pytest.mark.django_db
def test_ended_windows_are_deleted(any_cache, clock):
    for n in range(5):
        ratelimit.hit("test", f"reader-{n}", limit=5, window=60)
    ratelimit.hit("other", "reader-0", limit=5, window=600)
    assert len(_stored_windows(any_cache)) == 6
    clock.seconds = 61
    ratelimit.hit("test", "reader-9", limit=5, window=60)
    assert len(_stored_windows(any_cache)) == 2  # the new one and "other"


@pytest.mark.django_db
def test_only_an_hmac_of_the_identifier_is_kept(any_cache):
    assert ratelimit.hit("checkout-email", "reader@example.org", limit=5, window=60)
    assert ratelimit.hit("checkout-ip", "203.0.113.5", limit=5, window=60)
    stored = " ".join(_stored_windows(any_cache))
    assert ratelimit.digest("checkout-ip", "203.0.113.5") in stored
    assert "reader@example.org" not in stored
    assert "203.0.113.5" not in stored


@pytest.mark.django_db
def test_reset_forgets_one_identifier(any_cache):
    for _ in range(3):
        ratelimit.hit("sign-in", "editor", limit=2, window=60)
    ratelimit.reset("sign-in", "editor")
    assert ratelimit.hit("sign-in", "editor", limit=2, window=60)
