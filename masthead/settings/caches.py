"""The cache, and how long pages are kept in it and in browsers and CDNs."""

from .site import VAR_DIR, env

# The default is a file cache under var/: unlike a local-memory cache it is
# shared by every server process, so publishing clears the pages of them all.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # Django's, without a listing of the whole folder on every store.
    CACHES["default"]["BACKEND"] = "masthead.cache.FileBasedCache"
    options = CACHES["default"].setdefault("OPTIONS", {})
    options["MAX_ENTRIES"] = 5000
    # Past MAX_ENTRIES, a twentieth of the entries is deleted (Django's
    # default is a third): the request that culls deletes 250 files, about
    # 40 ms, instead of 1,667 files in 270 ms, which set the slowest search
    # misses (docs/benchmarks.md).
    options.setdefault("CULL_FREQUENCY", 20)
# Seconds that browsers and CDNs may keep an anonymous page.
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
# Seconds that the server keeps a rendered anonymous page; publishing clears it.
# 0 turns the server's page cache off (to measure uncached renders).
PAGE_CACHE_SERVER_TIMEOUT = env.int("PAGE_CACHE_SERVER_TIMEOUT", default=600)
# --- Page cache at the WSGI level (masthead.pagecache, issue 12) ---
# Seconds a process trusts the generation it read before reading it again:
# a publish reaches every process within this interval.
PAGE_CACHE_REFRESH_SECONDS = env.float("PAGE_CACHE_REFRESH_SECONDS", default=1.0)
# Bytes of pages (compressed both ways) each process keeps in its memory.
PAGE_CACHE_LOCAL_BYTES = env.int("PAGE_CACHE_LOCAL_BYTES", default=32 * 2**20)
# Misses caused by query parameters (searches, page numbers) per reader
# address and window; past it, 429. Counted as HMACs (masthead.ratelimit).
PAGE_CACHE_MISS_LIMIT = {
    "PER_IP": env.int("PAGE_CACHE_MISS_LIMIT_PER_IP", default=60),
    "WINDOW": env.int("PAGE_CACHE_MISS_LIMIT_WINDOW", default=60),
}
