"""The project: its apps, the middleware in order, templates, files and logs."""

from pathlib import Path

from .site import DEBUG, VAR_DIR, env
from .tasks import TASKS

INSTALLED_APPS = [
    "masthead.news",
    "masthead.funding",
    "masthead.appeals",
    "masthead.mirrors",
    "masthead.newsletters",
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
    # The RQ queues' admin pages, when tasks are queued on Redis (tasks.py).
    *(
        ["django_rq"]
        if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
        else []
    ),
    "masthead.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "anymail",  # the email services' backends and webhooks
]

MIDDLEWARE = [
    # First, so that every response, cache hits included, carries the headers.
    "masthead.headers.SecurityHeadersMiddleware",
    # Answers 400 to hosts that are neither the site nor a mirror (site.py).
    "masthead.mirrors.middleware.MirrorHostMiddleware",
    # Conditional requests, so that CDNs and caching proxies revalidate
    # cheaply: ETag and Last-Modified are set below the page cache (and kept
    # with each cached page), 304 is answered above it, for hits and misses.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the rest, so that cache hits skip everything below.
    "masthead.middleware.PageCacheMiddleware",
    # Below the page cache, which keeps pages compressed itself: what it
    # does not keep is compressed here.
    "masthead.middleware.CompressionMiddleware",
    "masthead.mirrors.middleware.ValidatorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Misses that a query causes are bounded per address; the 429 page gets
    # the security headers and CSP of any other.
    "masthead.middleware.MissLimitMiddleware",
    # Above SessionMiddleware: sees the session cookie a sign-in sets.
    "masthead.middleware.SignedInSignalMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells whether the session passed a second factor (request.user.is_verified).
    "django_otp.middleware.OTPMiddleware",
    "masthead.accounts.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below CSP and clickjacking: lets the admin frame its previews.
    "masthead.middleware.PreviewFramingMiddleware",
    "masthead.middleware.PublicCacheHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Reader pages: the Wagtail site of each request comes from the cache,
    # not from a query (masthead.news.fragments). Last, so that only
    # requests that reach a view pay for it.
    "masthead.news.fragments.SiteMiddleware",
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATORS + "MinimumLengthValidator"},
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]

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
