"""Staff accounts: throttled sign-in, the second factor, passkeys.

See docs/deploy.md, "Security".
"""

import ipaddress
from urllib.parse import urlsplit

from .site import SITE_URL, WAGTAIL_SITE_NAME, env

# Admin sign-in: attempts counted per account and per address (as HMACs, in
# the database, for one window), whatever the password's outcome.
WAGTAILADMIN_USER_LOGIN_FORM = "masthead.accounts.forms.ThrottledLoginForm"
ADMIN_SIGN_IN_LIMITS = {
    "PER_ACCOUNT": env.int("ADMIN_SIGN_IN_LIMIT_PER_ACCOUNT", default=10),
    "PER_ADDRESS": env.int("ADMIN_SIGN_IN_LIMIT_PER_ADDRESS", default=30),
    "WINDOW": env.int("ADMIN_SIGN_IN_LIMIT_WINDOW", default=900),
}
# Who must set up a second factor: "superusers" (default) or "everyone".
ADMIN_2FA_REQUIRED = env("ADMIN_2FA_REQUIRED", default="superusers")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Passkeys are a second factor only: a passkey never replaces the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME


def _is_ip(host: str | None) -> bool:
    try:
        ipaddress.ip_address((host or "").strip("[]"))
    except ValueError:
        return False
    return True


_SITE = urlsplit(SITE_URL)
# A passkey belongs to one domain name; browsers refuse IP addresses, so a
# site served at 127.0.0.1 offers passkeys on http://localhost instead.
OTP_WEBAUTHN_RP_ID = env(
    "WEBAUTHN_RP_ID",
    default=_SITE.hostname if not _is_ip(_SITE.hostname) else "localhost",
)
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    origin
    for origin in [f"{_SITE.scheme}://{_SITE.netloc}"]
    if origin.startswith("https://") or _SITE.hostname == "localhost"
] or [f"http://localhost:{_SITE.port or 80}"]
