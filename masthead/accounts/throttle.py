"""An atomic, fixed-window counter kept in the database, for sign-in attempts.

Counters live in their own table, not in the cache, so that no flood of
pages can evict them and no cache backend can reset their window. The
incremented value is read back inside the transaction that holds the row's
lock, so concurrent attempts never count the same number twice. Values are
stored as HMACs only, and rows are deleted once their window is over.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from masthead.accounts.models import SignInCounter

_SALT = "masthead.accounts.throttle"


@dataclass(frozen=True)
class Hit:
    count: int
    resets_at: datetime


def _ident(scope: str, value: str) -> str:
    return salted_hmac(_SALT, f"{scope}\0{value}", algorithm="sha256").hexdigest()


def hit(scope: str, value: str, *, window: int) -> Hit:
    """Count one attempt for ``value`` in ``scope``; return the window's count."""
    now = timezone.now()
    start = datetime.fromtimestamp(int(now.timestamp()) // window * window, tz=UTC)
    expires = start + timedelta(seconds=window)
    ident = _ident(scope, value)
    with transaction.atomic():
        SignInCounter.objects.filter(expires_at__lte=now).delete()
        counter, _ = SignInCounter.objects.get_or_create(
            scope=scope,
            ident=ident,
            window_start=start,
            defaults={"expires_at": expires},
        )
        SignInCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        count = SignInCounter.objects.values_list("count", flat=True).get(pk=counter.pk)
    return Hit(count=count, resets_at=expires)


def reset(scope: str, value: str) -> None:
    """Forget the attempts counted for ``value`` in ``scope``."""
    SignInCounter.objects.filter(scope=scope, ident=_ident(scope, value)).delete()
