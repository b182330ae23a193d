"""The beacon: a reader's device adds one to a daily total, and nothing more.

The body is exactly {"appeal", "variant", "event"}. No cookie is read or set,
and the address is used only for rate limiting, as an HMAC (masthead.ratelimit).
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from masthead import ratelimit
from masthead.appeals import selectors, services
from masthead.appeals.models import Event
from masthead.security import client_address, same_origin

MAX_BODY_BYTES = 200
FIELDS = {"appeal", "variant", "event"}


def _refuse(status: int, reason: str) -> HttpResponse:
    return HttpResponse(reason + "\n", status=status, content_type="text/plain")


def _parse(body: bytes) -> dict | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or set(data) != FIELDS:
        return None
    if not all(
        isinstance(value, str) and 0 < len(value) <= 50 for value in data.values()
    ):
        return None
    return data


@csrf_exempt  # sent by navigator.sendBeacon without cookies; see same_origin
@never_cache
@require_POST
def beacon(request):
    if not same_origin(request):
        return _refuse(403, "Cross-site beacons are refused.")
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = MAX_BODY_BYTES + 1
    if length > MAX_BODY_BYTES:
        return _refuse(413, f"A beacon is at most {MAX_BODY_BYTES} bytes.")
    limits = settings.APPEALS_BEACON_LIMIT
    if not ratelimit.hit(
        "appeal-beacon",
        client_address(request),
        limit=limits["PER_IP"],
        window=limits["WINDOW"],
    ):
        return _refuse(429, "Too many beacons; counted ones are kept.")
    if len(request.body) > MAX_BODY_BYTES:
        return _refuse(413, f"A beacon is at most {MAX_BODY_BYTES} bytes.")
    data = _parse(request.body)
    if data is None:
        return _refuse(
            400, 'Send exactly {"appeal": …, "variant": …, "event": …} as JSON.'
        )
    if data["event"] not in Event.values:
        return _refuse(400, f"Unknown event; use one of {', '.join(Event.values)}.")
    appeal = selectors.known_variant(data["appeal"], data["variant"])
    if appeal is None:
        return _refuse(400, "Unknown appeal or variant.")
    services.daily_count_increment(
        appeal=appeal,
        variant=data["variant"],
        event=data["event"],
        day=timezone.localdate(),
    )
    return HttpResponse(status=204)
