"""Security: HTTPS, cookies, the content security policy, proxies' addresses.

See docs/deploy.md, "Security".
"""

from csp.constants import NONE, SELF

from .site import SITE_URL, env

# HTTPS settings switch on when the site is served over HTTPS.
HTTPS = env.bool("HTTPS", default=SITE_URL.startswith("https://"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views allow their own same-origin frame.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# Onion services answer plain http only (Tor encrypts the connection), and
# Django's SECURE_SSL_REDIRECT would send them to https: MirrorHostMiddleware
# redirects to https instead, on every host but an onion one (mirrors.W001
# stands in for Django's security.W008).
MIRRORS_SSL_REDIRECT = HTTPS and env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_SSL_REDIRECT = False
SILENCED_SYSTEM_CHECKS = ["security.W008"]

CONTENT_SECURITY_POLICY = {
    # Wagtail's admin needs inline styles and scripts; it is for signed-in staff.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "base-uri": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    },
}

# --- Reader addresses behind a proxy (masthead.security.client_address) ---
# Set to X-Real-IP behind a proxy that sends it: rate limits then count per
# reader, not per proxy. The address is never logged or stored.
CLIENT_ADDRESS_HEADER = env("CLIENT_ADDRESS_HEADER", default="")
# The header is believed only from these addresses or networks (CIDR): by
# default the loopback addresses, where nginx on the same machine connects
# from. Anyone else could set it to a new value with every request.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
