from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def dummy_provider_on_a_public_site(app_configs, **kwargs):
    if "dummy" in settings.FUNDING_PROVIDERS and not settings.DEBUG:
        return [
            Warning(
                "The dummy payment provider is enabled: readers can record "
                "donations that move no money.",
                hint="Set FUNDING_DUMMY_PROVIDER=false on a public site.",
                id="funding.W001",
            )
        ]
    return []
