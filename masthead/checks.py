from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.http.request import split_domain_port, validate_host

from masthead.security import trusted_proxies


@register(Tags.security, deploy=True)
def rate_limits_see_readers(app_configs, **kwargs):
    if settings.CLIENT_ADDRESS_HEADER or settings.DEBUG:
        return []
    return [
        Warning(
            "CLIENT_ADDRESS_HEADER is not set: rate limits (checkouts, appeal "
            "counts) go by the connecting address. Behind nginx or a CDN, "
            "every reader shares the proxy's address and one limit.",
            hint="Behind nginx, set CLIENT_ADDRESS_HEADER=X-Real-IP and pass "
            "that header (docs/deploy.md). Serving readers directly, ignore this.",
            id="masthead.W001",
        )
    ]


@register(Tags.security)
def trusted_proxies_are_addresses(app_configs, **kwargs):
    try:
        trusted_proxies()
    except ValueError as error:
        return [
            Error(
                str(error),
                hint="List addresses or networks, comma-separated: "
                "TRUSTED_PROXIES=127.0.0.1,::1,10.0.0.0/8",
                id="masthead.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def site_url_is_an_allowed_host(app_configs, **kwargs):
    domain, _port = split_domain_port(urlsplit(settings.SITE_URL).netloc.lower())
    if domain and validate_host(domain, settings.ALLOWED_HOSTS):
        return []
    return [
        Warning(
            f"SITE_URL's host ({domain or settings.SITE_URL!r}) is not in "
            "ALLOWED_HOSTS: every request for the site's own address gets "
            "400 Bad Request, and links in emails and feeds lead there.",
            hint=f"Add {domain or 'the host'} to ALLOWED_HOSTS "
            "(comma-separated), or correct SITE_URL.",
            id="masthead.W002",
        )
    ]
