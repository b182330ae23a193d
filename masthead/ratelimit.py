"""Rate limits that hold: atomic counters that no cache flood or expiry resets.

``hit(scope, identifier, limit=…, window=…)`` counts one attempt and says
whether it is within the limit. The window opens with the first attempt and
lasts ``window`` seconds whatever else happens; the next attempt after it
opens a new one.

Counters are kept apart from the page cache, where culling (the file cache
past ``MAX_ENTRIES``), eviction or the file cache's ``incr`` (a read and a
write, rewritten with the default 300 s lifetime) would reset them:

- with Redis as the cache, in Redis, counted by one Lua script (atomic for
  every process on every machine). The counters have no TTL, so Redis's
  ``volatile-lru`` policy (docs/deploy.md) evicts pages, never them; the
  script deletes the counters whose window has ended instead;
- otherwise in the database (SQLite or PostgreSQL), with one
  ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` per attempt, atomic across
  processes; rows whose window has ended are deleted when a new one opens.

Only an HMAC of the identifier is kept, and only while its window is open.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.utils.crypto import salted_hmac

from masthead.models import RateLimitWindow

_REDIS_HIT = """
local now = tonumber(ARGV[1])
local ends = tonumber(redis.call('HGET', KEYS[1], 'ends'))
if ends ~= nil and ends > now then
  local hits = redis.call('HINCRBY', KEYS[1], 'hits', 1)
  return {hits, redis.call('HGET', KEYS[1], 'ends')}
end
redis.call('HSET', KEYS[1], 'hits', 1, 'ends', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[2], KEYS[1])
local ended = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, key in ipairs(ended) do
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[2], key)
end
return {1, ARGV[2]}
"""


@dataclass(frozen=True)
class Attempt:
    """One counted attempt: the window's count so far and when it ends."""

    hits: int
    ends: float  # Unix time

    def seconds_left(self) -> float:
        return max(0.0, self.ends - time.time())


def digest(scope: str, identifier: str) -> str:
    """Return the HMAC that stands for ``identifier`` in ``scope``."""
    return salted_hmac(
        "masthead.ratelimit", f"{scope}:{identifier}", algorithm="sha256"
    ).hexdigest()


def _redis_client():
    """Return the Redis client behind the default cache, or None."""
    client = getattr(cache, "client", None)  # django-redis
    if client is not None and hasattr(client, "get_client"):
        return client.get_client(write=True)
    return None


def _redis_hit(client, scope: str, key: str, now: float, window: int) -> Attempt:
    script = client.register_script(_REDIS_HIT)
    hits, ends = script(
        keys=[
            cache.make_key(f"ratelimit:{scope}:{key}"),
            cache.make_key("ratelimit:windows"),
        ],
        args=[repr(now), repr(now + window)],
    )
    return Attempt(hits=int(hits), ends=float(ends))


# SQLite (3.35+) and PostgreSQL both take this UPSERT; the SET expressions
# see the row as it was before the attempt.
_UPSERT = """
INSERT INTO {table} (scope, digest, hits, ends) VALUES (%s, %s, 1, %s)
ON CONFLICT (scope, digest) DO UPDATE SET
    hits = CASE WHEN {table}.ends <= %s THEN 1 ELSE {table}.hits + 1 END,
    ends = CASE WHEN {table}.ends <= %s THEN excluded.ends ELSE {table}.ends END
RETURNING hits, ends
"""
_PRUNE = "DELETE FROM {table} WHERE ends <= %s"


def _database_hit(scope: str, key: str, now: float, window: int) -> Attempt:
    table = connection.ops.quote_name(RateLimitWindow._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            _UPSERT.format(table=table), [scope, key, now + window, now, now]
        )
        hits, ends = cursor.fetchone()
        if hits == 1:  # a new window: delete the ended ones, of every scope
            cursor.execute(_PRUNE.format(table=table), [now])
    return Attempt(hits=hits, ends=ends)


def hit(scope: str, identifier: str, *, limit: int, window: int) -> bool:
    """Count one attempt; return whether it is within ``limit`` per ``window`` s.

    ``scope`` names what is limited ("checkout-ip", "sign-in-email", at most
    40 characters); ``identifier`` is whom it is counted for. A limit of 0 or
    an empty identifier counts nothing and allows. Call it outside any
    transaction that may roll back: the database store would forget the
    attempt with it.
    """
    if limit <= 0 or not identifier:
        return True
    return count(scope, identifier, window=window).hits <= limit


def count(scope: str, identifier: str, *, window: int) -> Attempt:
    """Count one attempt and return the window's count and end.

    For callers that tell the person how long to wait (the admin sign-in);
    the same rules as ``hit`` otherwise.
    """
    key = digest(scope, identifier)
    now = time.time()
    client = _redis_client()
    if client is not None:
        return _redis_hit(client, scope, key, now, window)
    return _database_hit(scope, key, now, window)


def reset(scope: str, identifier: str) -> None:
    """Forget the attempts of ``identifier`` in ``scope`` (after a success)."""
    key = digest(scope, identifier)
    client = _redis_client()
    if client is not None:
        client.delete(cache.make_key(f"ratelimit:{scope}:{key}"))
    else:
        RateLimitWindow.objects.filter(scope=scope, digest=key).delete()
