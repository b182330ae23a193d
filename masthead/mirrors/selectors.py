"""Reads of the mirror registry, kept in each process.

Every request asks whether its host is a served mirror, so the answer must
not cost a query. Each process keeps a snapshot of the registry and, at most
once every ``MIRRORS_REFRESH_SECONDS``, asks the database for the registry's
version (its row count and latest update, one cheap aggregate): a mirror
saved by any process is served by every other within that time, without a
restart. Saving a mirror drops this process's snapshot at once.
"""

import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Max
from django.utils import timezone

from masthead.mirrors.models import Kind, Mirror, Status, main_host

# How readers see them: mirrors first, then Tor, copies and the rest.
KIND_ORDER = [Kind.WEB, Kind.ONION, Kind.STATIC, Kind.OTHER]


@dataclass(frozen=True)
class Snapshot:
    version: tuple
    mirrors: tuple[Mirror, ...]
    checked_at: float


_snapshot: Snapshot | None = None
_lock = threading.Lock()


def _version() -> tuple:
    row = Mirror.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return row["count"], row["latest"]


def snapshot() -> Snapshot:
    """Return this process's copy of the registry, refreshed if it changed."""
    global _snapshot
    current = _snapshot
    now = time.monotonic()
    if (
        current is not None
        and now - current.checked_at < settings.MIRRORS_REFRESH_SECONDS
    ):
        return current
    with _lock:
        current = _snapshot
        if (
            current is not None
            and now - current.checked_at < settings.MIRRORS_REFRESH_SECONDS
        ):
            return current
        # The version first: a save between the two reads leaves an older
        # version with newer rows, which the next check reloads.
        try:
            version = _version()
        except DatabaseError:
            if current is None:
                raise
            # Keep serving what was known (cached pages need no database);
            # the next request asks again.
            return current
        if current is not None and current.version == version:
            current = replace(current, checked_at=now)
        else:
            rows = sorted(
                Mirror.objects.all(),
                key=lambda mirror: (KIND_ORDER.index(mirror.kind), mirror.created_at),
            )
            current = Snapshot(version=version, mirrors=tuple(rows), checked_at=now)
        _snapshot = current
        return current


def forget() -> None:
    """Drop this process's snapshot: the next read loads the registry afresh."""
    global _snapshot
    _snapshot = None


def served_mirrors(*, today: date | None = None) -> list[Mirror]:
    """Every mirror readers may use today: active, or deprecated and not yet retired."""
    today = today or timezone.localdate()
    return [mirror for mirror in snapshot().mirrors if mirror.is_served(today)]


def serves_host(domain: str, *, today: date | None = None) -> bool:
    """Whether ``domain`` is the host of a served web mirror or onion service."""
    domain = domain.lower().rstrip(".")
    return any(
        mirror.serves_site and mirror.host == domain
        for mirror in served_mirrors(today=today)
    )


def base_url_for(host: str, *, today: date | None = None) -> str:
    """The address to put in links for a reader who came by ``host``.

    A served mirror's registered address (its scheme and host, never what
    the request claims), else the main domain's ``SITE_URL``.
    """
    domain = host.lower().rstrip(".").rsplit(":", 1)[0] if host else ""
    for mirror in served_mirrors(today=today):
        if mirror.serves_site and mirror.host == domain:
            return mirror.url.rstrip("/")
    return settings.SITE_URL.rstrip("/")


def onion_mirror(*, today: date | None = None) -> Mirror | None:
    """The onion service to announce: the newest active one."""
    onions = [
        mirror
        for mirror in served_mirrors(today=today)
        if mirror.kind == Kind.ONION and mirror.status == Status.ACTIVE
    ]
    return max(onions, key=lambda mirror: mirror.created_at, default=None)


def _bc2_time(value: datetime) -> str:
    # The format's reference implementation prints naive UTC datetimes.
    return str(value.astimezone(UTC).replace(tzinfo=None))


def bc2(*, today: date | None = None) -> dict:
    """Return the registry in the Bypass Censorship "bc2" mirror list format.

    Lists the addresses that serve the site and are not going away: active
    web mirrors and hosted static copies (type "mirror") and onion services
    (proto "tor", type "eotk", as the format's reference implementation
    names them). Deprecated mirrors, downloads and other links are left out:
    the tools that read this list send readers straight to an alternative.
    """
    alternatives = []
    for mirror in served_mirrors(today=today):
        if mirror.status != Status.ACTIVE or mirror.kind == Kind.OTHER:
            continue
        if mirror.is_download:
            continue
        onion = mirror.kind == Kind.ONION
        alternatives.append(
            {
                "proto": "tor" if onion else mirror.url.split(":", 1)[0],
                "type": "eotk" if onion else "mirror",
                "url": mirror.url,
                "created_at": _bc2_time(mirror.created_at),
                "updated_at": _bc2_time(mirror.updated_at),
            }
        )
    domain = main_host()
    return {
        "version": "2.0",
        "sites": [
            {
                "main_domain": domain.removeprefix("www."),
                "available_alternatives": alternatives,
            }
        ],
    }


# The footer and feeds name a few: the rest are one click away on /mirrors/.
SHORT_LIST_WEB_MIRRORS = 3


def short_list(*, today: date | None = None) -> list[Mirror]:
    """A few active web mirrors, the onion service and one other link."""
    active = [
        mirror
        for mirror in served_mirrors(today=today)
        if mirror.status == Status.ACTIVE and not mirror.is_download
    ]
    web = [mirror for mirror in active if mirror.kind == Kind.WEB]
    onion = onion_mirror(today=today)
    other = [mirror for mirror in active if mirror.kind == Kind.OTHER]
    return web[:SHORT_LIST_WEB_MIRRORS] + ([onion] if onion else []) + other[:1]
