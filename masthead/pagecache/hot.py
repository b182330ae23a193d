"""The settings a cache hit reads, as plain attributes.

Each read through ``django.conf.settings`` goes through LazyObject's
``__getattribute__``, about a microsecond; a hit reads six of them, a tenth of
its Python. ``hot`` copies each on its first read, and forgets it when the
setting changes (``setting_changed``: ``override_settings`` and
pytest-django's ``settings`` fixture send it).
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

NAMES = frozenset(
    {
        "MIRRORS_CHECK_HOSTS",
        "MIRRORS_REFRESH_SECONDS",
        "PAGE_CACHE_REFRESH_SECONDS",
        "PAGE_CACHE_SERVER_TIMEOUT",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_NAME",
    }
)


class _Hot:
    def __getattr__(self, name: str):
        # Only when the instance holds no copy yet.
        if name not in NAMES:
            raise AttributeError(name)
        value = getattr(settings, name)
        self.__dict__[name] = value
        return value


hot = _Hot()


@receiver(setting_changed)
def _forget(*, setting, **kwargs) -> None:
    hot.__dict__.pop(setting, None)
