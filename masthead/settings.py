"""Masthead settings: every value comes from the environment (django-environ).

The defaults run on one machine with nothing else installed: SQLite in WAL
mode and a file cache under ``var/``, and the database task queue.
``DATABASE_URL`` and ``CACHE_URL`` switch to PostgreSQL and Redis.
"""

import ipaddress
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

VAR_DIR = Path(env("MASTHEAD_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key(var_dir: Path) -> str:
    """Return the key stored in ``var_dir``, generating it on first run."""
    path = var_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="") or _secret_key(VAR_DIR)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The main public address of the newsroom; canonical links point here.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = env("SITE_NAME", default="The Lantern")

INSTALLED_APPS = [
    "masthead.news",
    "masthead.funding",
    "masthead.appeals",
    "masthead",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that cache hits skip everything below.
    "masthead.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below CSP and clickjacking: lets the admin frame its previews.
    "masthead.middleware.PreviewFramingMiddleware",
    "masthead.middleware.PublicCacheHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masthead.context_processors.publication",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    # Tests use a file, as deployments do: an in-memory database has table
    # locks that fail concurrent writers instead of making them wait.
    # One file per test process, so that two test runs never share one.
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")
    }

else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The default is a file cache under var/: unlike a local-memory cache it is
# shared by every server process, so publishing clears the pages of them all.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = 5000
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
# --- end of page cache ---

# Tasks: queued in the database by default. TASKS_URL (redis://…) queues them
# on Redis through django-tasks' RQ backend instead; `masthead worker` then
# runs an RQ worker, which picks each task up as soon as it is enqueued.
TASKS_URL = env("TASKS_URL", default="")
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            default="django_tasks_rq.RQBackend"
            if TASKS_URL
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    TASKS["default"]["QUEUES"] = ["default"]
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": TASKS_URL or "redis://127.0.0.1:6379/0"}}
    RQ_SHOW_ADMIN_LINK = False

_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATORS + "MinimumLengthValidator"},
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]

LANGUAGE_CODE = env("LANGUAGE_CODE", default="en")
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise warns about a missing root before the first collectstatic.
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Tests and development may serve static files straight from the apps.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=DEBUG)

# Security. HTTPS settings switch on when the site is served over HTTPS.
HTTPS = env.bool("HTTPS", default=SITE_URL.startswith("https://"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views allow their own same-origin frame.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

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

# Wagtail.
WAGTAILIMAGES_IMAGE_MODEL = "news.NewsImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "masthead.news.forms.NewsImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_BYTES", default=15 * 2**20)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}
WAGTAIL_I18N_ENABLED = False

# Reader funding. Payment providers are configured like CACHES; the dummy
# provider stands in when no keys are set, so the demo works offline.
FUNDING_PROVIDERS = {}
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
if STRIPE_SECRET_KEY:
    FUNDING_PROVIDERS["stripe"] = {
        "BACKEND": "masthead.funding.providers.stripe.StripeProvider",
        "SECRET_KEY": STRIPE_SECRET_KEY,
        "WEBHOOK_SECRET": env("STRIPE_WEBHOOK_SECRET", default=""),
        "API_BASE": env("STRIPE_API_BASE", default=""),
        "MAX_NETWORK_RETRIES": env.int("STRIPE_MAX_NETWORK_RETRIES", default=2),
        # Where Checkout sends readers; the support page's CSP allows it.
        "CHECKOUT_ORIGIN": env(
            "STRIPE_CHECKOUT_ORIGIN", default="https://checkout.stripe.com"
        ),
    }
# Bank transfers and crypto, offered once the team adds an account in the admin.
if env.bool("FUNDING_MANUAL_PROVIDER", default=True):
    FUNDING_PROVIDERS["manual"] = {
        "BACKEND": "masthead.funding.providers.manual.ManualProvider"
    }
# The dummy provider records payments that move no money: never offer it on
# a public site next to real rails (`masthead check --deploy` warns).
if env.bool("FUNDING_DUMMY_PROVIDER", default=not STRIPE_SECRET_KEY):
    FUNDING_PROVIDERS["dummy"] = {
        "BACKEND": "masthead.funding.providers.dummy.DummyProvider"
    }
# The worker lists the providers' events every EVERY seconds (0: never) over
# the last DAYS days, and applies any webhook that was missed.
FUNDING_RECONCILE = {
    "EVERY": env.int("FUNDING_RECONCILE_EVERY", default=3600),
    "DAYS": env.int("FUNDING_RECONCILE_DAYS", default=3),
}
# Card-testing defence: checkouts started per address and per email.
FUNDING_CHECKOUT_LIMITS = {
    "PER_IP": env.int("FUNDING_CHECKOUT_LIMIT_PER_IP", default=10),
    "PER_EMAIL": env.int("FUNDING_CHECKOUT_LIMIT_PER_EMAIL", default=5),
    "WINDOW": env.int("FUNDING_CHECKOUT_LIMIT_WINDOW", default=3600),
}

# --- Reader addresses behind a proxy (masthead.security.client_address) ---
# Set to X-Real-IP behind a proxy that sends it: rate limits then count per
# reader, not per proxy. The address is never logged or stored.
CLIENT_ADDRESS_HEADER = env("CLIENT_ADDRESS_HEADER", default="")
# The header is believed only from these addresses or networks (CIDR): by
# default the loopback addresses, where nginx on the same machine connects
# from. Anyone else could set it to a new value with every request.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
# --- end of reader addresses behind a proxy ---

# Appeal beacons: counts per address, kept as HMACs only (masthead.ratelimit).
APPEALS_BEACON_LIMIT = {
    "PER_IP": env.int("APPEALS_BEACON_LIMIT_PER_IP", default=120),
    "WINDOW": env.int("APPEALS_BEACON_LIMIT_WINDOW", default=3600),
}

# Mirrors (masthead.mirrors) ------------------------------------------------
# Every web mirror and onion service in the registry serves the whole site,
# and mirrors are added in the admin while it runs. Django checks the Host
# header against ALLOWED_HOSTS, which is fixed at start-up, so Django is told
# to let any host through ("*") to MirrorHostMiddleware, the first middleware:
# it allows SITE_URL's host, the hosts in ALLOWED_HOSTS and the registry's
# served mirrors, and answers 400 to any other host. ALLOWED_HOSTS=* in the
# environment still turns the check off.
INSTALLED_APPS.insert(INSTALLED_APPS.index("masthead"), "masthead.mirrors")
MIRRORS_CHECK_HOSTS = "*" not in ALLOWED_HOSTS
ALLOWED_HOSTS = [*ALLOWED_HOSTS, urlsplit(SITE_URL).hostname or "localhost", "*"]
MIDDLEWARE.insert(0, "masthead.mirrors.middleware.MirrorHostMiddleware")
# Onion services answer plain http only (Tor encrypts the connection), and
# Django's SECURE_SSL_REDIRECT would send them to https: MirrorHostMiddleware
# redirects to https instead, on every host but an onion one (mirrors.W001
# stands in for Django's security.W008).
MIRRORS_SSL_REDIRECT = HTTPS and SECURE_SSL_REDIRECT
SECURE_SSL_REDIRECT = False
SILENCED_SYSTEM_CHECKS = ["security.W008"]
# Conditional requests, so that CDNs and caching proxies revalidate cheaply:
# ETag and Last-Modified are set below the page cache (and kept with each
# cached page), 304 is answered above it, for hits and misses alike.
_page_cache = MIDDLEWARE.index("masthead.middleware.PageCacheMiddleware")
MIDDLEWARE[_page_cache : _page_cache + 1] = [
    "django.middleware.http.ConditionalGetMiddleware",
    "masthead.middleware.PageCacheMiddleware",
    # Below the page cache, which keeps pages compressed itself: what it
    # does not keep is compressed here.
    "masthead.middleware.CompressionMiddleware",
    "masthead.mirrors.middleware.ValidatorsMiddleware",
]
# Misses that a query causes are bounded per address; the 429 page gets
# the security headers and CSP of any other.
MIDDLEWARE.insert(
    MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1,
    "masthead.middleware.MissLimitMiddleware",
)
# Above SessionMiddleware: sees the session cookie a sign-in sets.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "masthead.middleware.SignedInSignalMiddleware",
)
# Seconds a process trusts its copy of the registry before it asks the
# database whether the registry changed: how soon every process serves a
# mirror saved in another one.
MIRRORS_REFRESH_SECONDS = env.float("MIRRORS_REFRESH_SECONDS", default=1.0)

# --- Mirror publishing targets (masthead.mirrors.targets, `masthead publish`) ---
# Where the static export is pushed, configured like CACHES, as JSON, e.g.
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
# --- end of mirror publishing targets ---

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="newsroom@localhost")

# Reader pages: the Wagtail site of each request comes from the cache, not
# from a query (masthead.news.fragments). Last, so that only requests that
# reach a view pay for it.
MIDDLEWARE.append("masthead.news.fragments.SiteMiddleware")

# Privacy: nothing we log carries a client address; see masthead.logging.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_ip": {"()": "masthead.logging.ScrubClientAddress"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_ip"],
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # runserver's access log prints every request line, query included.
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        # Wagtail logs every edit at INFO; its audit log keeps them anyway.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Staff accounts, uploads and security headers (issue 9) -----------------
# Kept in one block; see docs/deploy.md, "Security".
INSTALLED_APPS += [
    "masthead.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]
# First, so that every response, cache hits included, carries the headers.
MIDDLEWARE.insert(0, "masthead.headers.SecurityHeadersMiddleware")
_AUTH = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_AUTH + 1 : _AUTH + 1] = [
    # Tells whether the session passed a second factor (request.user.is_verified).
    "django_otp.middleware.OTPMiddleware",
    "masthead.accounts.middleware.RequireSecondFactorMiddleware",
]

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

# Uploaded documents: served by the app only (never straight from /media/),
# always as downloads, and only of these types.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = env.list(
    "DOCUMENT_EXTENSIONS",
    default=["pdf", "txt", "csv", "doc", "docx", "odt", "ods", "odp", "xls", "xlsx",
             "ppt", "pptx", "rtf", "epub", "zip"],
)  # fmt: skip

# --- Newsletters (masthead.newsletters) --------------------------------------
INSTALLED_APPS.insert(INSTALLED_APPS.index("masthead"), "masthead.newsletters")
INSTALLED_APPS.append("anymail")  # the email services' backends and webhooks
# Sign-ups per reader address (kept as HMACs only), and confirmation emails
# per address: one per window, so the form cannot flood someone's inbox.
NEWSLETTERS_SIGNUP_LIMIT = {
    "PER_IP": env.int("NEWSLETTERS_SIGNUP_LIMIT_PER_IP", default=20),
    "WINDOW": env.int("NEWSLETTERS_SIGNUP_LIMIT_WINDOW", default=3600),
}
NEWSLETTERS_CONFIRM_LIMIT = {
    "PER_EMAIL": 1,
    "WINDOW": env.int("NEWSLETTERS_CONFIRM_WINDOW", default=3600),
}
# Seconds a confirmation link works.
NEWSLETTERS_CONFIRM_MAX_AGE = env.int("NEWSLETTERS_CONFIRM_MAX_AGE", default=72 * 3600)
# Messages per batch (one SMTP connection each), and seconds after which a
# batch claimed by a worker that died is sent by another.
NEWSLETTERS_BATCH_SIZE = env.int("NEWSLETTERS_BATCH_SIZE", default=200)
NEWSLETTERS_CLAIM_TIMEOUT = env.int("NEWSLETTERS_CLAIM_TIMEOUT", default=600)
# At most this many newsletter emails in any 60 minutes (0: no cap), for
# the mail server's or email service's limits; the send resumes as the hour
# moves on.
NEWSLETTERS_MAX_PER_HOUR = env.int("NEWSLETTERS_MAX_PER_HOUR", default=0)
# An email service instead of SMTP (docs/deploy.md, "Email: SMTP or an email
# service"): EMAIL_BACKEND=anymail.backends.<service>.EmailBackend and its
# settings as ANYMAIL_<NAME> variables, e.g. ANYMAIL_POSTMARK_SERVER_TOKEN.
# ANYMAIL_WEBHOOK_SECRET ("user:password") turns the bounce webhooks on.
if env("EMAIL_BACKEND", default=""):
    EMAIL_BACKEND = env("EMAIL_BACKEND")
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value
}
# --- end of newsletters ---
