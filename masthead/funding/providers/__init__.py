"""Payment providers, configured like CACHES in ``settings.FUNDING_PROVIDERS``."""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from masthead.funding.providers.base import PaymentProvider


@cache
def _load(name: str) -> PaymentProvider:
    config = settings.FUNDING_PROVIDERS.get(name)
    if config is None:
        raise ImproperlyConfigured(f"No payment provider named {name!r}.")
    options = dict(config)
    backend = options.pop("BACKEND", None)
    if not backend:
        raise ImproperlyConfigured(f"Payment provider {name!r} has no BACKEND.")
    try:
        cls = import_string(backend)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"Payment provider {name!r}: cannot import {backend!r} ({error})."
        ) from error
    return cls(name=name, **{key.lower(): value for key, value in options.items()})


def get_provider(name: str) -> PaymentProvider:
    return _load(name)


def enabled_providers() -> list[PaymentProvider]:
    """Return the providers to offer readers now, in configured order."""
    providers = (get_provider(name) for name in settings.FUNDING_PROVIDERS)
    return [provider for provider in providers if provider.available()]


def _origin(provider: PaymentProvider, origin: str) -> str:
    parts = urlsplit(origin)
    if (
        parts.scheme not in ("https", "http")
        or not parts.hostname
        or "*" in origin
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            f"Payment provider {provider.name!r}: {origin!r} is not an origin "
            "such as https://checkout.stripe.com (no path, no wildcard)."
        )
    return f"{parts.scheme}://{parts.netloc}"


def redirect_origins() -> list[str]:
    """Return the outside origins that the configured providers send readers to."""
    origins = {
        _origin(provider, origin)
        for provider in (get_provider(name) for name in settings.FUNDING_PROVIDERS)
        for origin in provider.redirect_origins()
    }
    return sorted(origins)


def reset() -> None:
    """Forget loaded providers (after settings change)."""
    _load.cache_clear()


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs) -> None:
    if setting == "FUNDING_PROVIDERS":
        reset()
