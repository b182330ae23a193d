"""Appeals (masthead.appeals): how often one address may count a view."""

from .site import env

# Appeal beacons: counts per address, kept as HMACs only (masthead.ratelimit).
APPEALS_BEACON_LIMIT = {
    "PER_IP": env.int("APPEALS_BEACON_LIMIT_PER_IP", default=120),
    "WINDOW": env.int("APPEALS_BEACON_LIMIT_WINDOW", default=3600),
}
