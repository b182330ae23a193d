"""Mirrors (masthead.mirrors): the registry's refresh and publishing targets.

Which hosts are served is in site.py, the https redirect in security.py.
"""

from pathlib import Path

from .site import VAR_DIR, env

# Seconds a process trusts its copy of the registry before it asks the
# database whether the registry changed: how soon every process serves a
# mirror saved in another one.
MIRRORS_REFRESH_SECONDS = env.float("MIRRORS_REFRESH_SECONDS", default=1.0)

# Mirror publishing targets (masthead.mirrors.targets, `masthead publish`):
# where the static export is pushed, configured like CACHES, as JSON, e.g.
# MIRROR_TARGETS='{"bucket": {"BACKEND": "masthead.mirrors.targets.S3Bucket",
#   "BUCKET": "lantern", "ENDPOINT_URL": "https://s3.example"}}'. Empty: none,
# and publishing a page queues nothing. See docs/deploy.md, "Staying reachable".
MIRROR_TARGETS = env.json("MIRROR_TARGETS", default={})
# The working folder: the export kept between runs (incremental), git checkouts.
MIRRORS_PUBLISH_DIR = Path(env("MIRRORS_PUBLISH_DIR", default=str(VAR_DIR / "publish")))
# Pages published within this many seconds of the first give one publish.
MIRRORS_PUBLISH_DEBOUNCE = env.int("MIRRORS_PUBLISH_DEBOUNCE", default=60)
# A failed target is tried again after BACKOFF seconds, doubled each time
# (at most an hour), up to RETRIES more times.
MIRRORS_PUBLISH_RETRIES = env.int("MIRRORS_PUBLISH_RETRIES", default=5)
MIRRORS_PUBLISH_BACKOFF = env.int("MIRRORS_PUBLISH_BACKOFF", default=60)
