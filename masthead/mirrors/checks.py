from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from masthead.mirrors import targets

FIRST = "masthead.mirrors.middleware.MirrorHostMiddleware"
# Middleware that may run before the host check: it reads nothing of the
# request and only adds headers, to the 400 answer too.
MAY_PRECEDE = {"masthead.headers.SecurityHeadersMiddleware"}


@register(Tags.security)
def host_check_runs_first(app_configs, **kwargs):
    """Only our middleware stands between any host and the site once "*" is allowed."""
    if not settings.MIRRORS_CHECK_HOSTS or "*" not in settings.ALLOWED_HOSTS:
        return []
    before = list(settings.MIDDLEWARE)
    if FIRST in before:
        before = before[: before.index(FIRST)]
        if set(before) <= MAY_PRECEDE:
            return []
    return [
        Error(
            f"{FIRST} must come first in MIDDLEWARE (only the security "
            "headers may precede it): it is what answers 400 to hosts that "
            "are neither in ALLOWED_HOSTS nor served mirrors.",
            id="mirrors.E001",
        )
    ]


@register(Tags.security, deploy=True)
def https_redirect(app_configs, **kwargs):
    """Django's security.W008, for the redirect this app does instead."""
    if settings.MIRRORS_SSL_REDIRECT or settings.DEBUG:
        return []
    return [
        Warning(
            "Plain http is not redirected to https (SECURE_SSL_REDIRECT is off, "
            "or HTTPS is false).",
            hint="Unless nginx or the CDN in front redirects to https, set "
            "SECURE_SSL_REDIRECT=true. Onion hosts are never redirected.",
            id="mirrors.W001",
        )
    ]


@register()
def publishing_targets(app_configs, **kwargs):
    """Every target in MIRROR_TARGETS loads, so a typo shows at start-up."""
    try:
        targets.configured_targets()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="mirrors.E002")]
    return []
