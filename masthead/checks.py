from django.conf import settings
from django.core.checks import Tags, Warning, register


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
