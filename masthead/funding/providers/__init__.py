"""Payment providers, configured like CACHES in ``settings.FUNDING_PROVIDERS``."""

from functools import cache

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


def reset() -> None:
    """Forget loaded providers (after settings change)."""
    _load.cache_clear()


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs) -> None:
    if setting == "FUNDING_PROVIDERS":
        reset()
