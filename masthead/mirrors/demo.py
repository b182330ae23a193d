"""The demo newsroom's registry: two web mirrors, an onion service and a
Telegram channel, all fictional (nothing answers at these addresses).

Idempotent: mirrors are found by address, and one the team has edited since
is left as it is.
"""

from masthead.mirrors.models import Kind, Mirror
from masthead.mirrors.services import mirror_add

# 56 base32 characters, as a v3 address has; no such service exists.
ONION = "lanternnewsx7k2qmv5t3wrd6yhpbz4cfjg2nelq7saeu5ovk3mitead.onion"

MIRRORS = [
    {
        "url": "https://lantern-news.mirror.example",
        "note": "Served from a content delivery network; usually the fastest.",
    },
    {
        "url": "https://read-the-lantern.example",
        "note": "A second host, in another country, for when the first is blocked.",
    },
    {
        "url": f"http://{ONION}",
        "kind": Kind.ONION,
        "note": "Reachable from Tor Browser, wherever you are.",
    },
    {
        "url": "https://telegram.example/the_lantern",
        "kind": Kind.OTHER,
        "label": "Telegram channel",
        "note": "Every story as it is published, with a link to read it in full.",
    },
]


def build() -> list[Mirror]:
    """Register the demo mirrors that are missing; return all of them."""
    mirrors = []
    for fields in MIRRORS:
        existing = Mirror.objects.filter(url=fields["url"]).first()
        mirrors.append(existing or mirror_add(**fields))
    return mirrors
