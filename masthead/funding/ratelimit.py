"""Counting attempts in the cache only: nothing here is ever stored on disk.

Keys are HMACs of the address or email, so even the cache holds no address.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def _key(scope: str, value: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}:{value}".encode(), hashlib.sha256
    ).hexdigest()
    return f"ratelimit:{scope}:{digest[:32]}"


def hit(scope: str, value: str, *, limit: int, window: int) -> bool:
    """Count one attempt; return whether it is within ``limit`` per ``window`` s."""
    if limit <= 0 or not value:
        return True
    key = _key(scope, value)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
