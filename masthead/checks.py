from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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
