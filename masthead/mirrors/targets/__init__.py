"""Publishing targets: where ``masthead publish`` pushes the static export.

Configured like ``CACHES`` in ``settings.MIRROR_TARGETS``::

    {"backup": {"BACKEND": "masthead.mirrors.targets.Directory",
                "PATH": "/srv/lantern-copy"}}

A target gets the export folder and makes its copy equal to it: new and
changed files are written, files that are gone are removed, unchanged files
are left alone. It raises ``PublishError`` with a message that is safe to
log and show when it cannot.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from masthead.mirrors.targets.base import (
    PublishError,
    Result,
    Target,
    cache_control,
    content_type,
    export_files,
    file_digest,
    sync_tree,
)
from masthead.mirrors.targets.directory import Directory
from masthead.mirrors.targets.git import GitRepository
from masthead.mirrors.targets.s3 import S3Bucket

__all__ = [
    "Directory",
    "GitRepository",
    "PublishError",
    "Result",
    "S3Bucket",
    "Target",
    "cache_control",
    "configured_targets",
    "content_type",
    "export_files",
    "file_digest",
    "get_target",
    "reset",
    "sync_tree",
]


@cache
def _load(name: str) -> Target:
    config = settings.MIRROR_TARGETS.get(name)
    if not isinstance(config, dict):
        raise ImproperlyConfigured(
            f"Publishing target {name!r}: expected a dict such as "
            '{"BACKEND": "masthead.mirrors.targets.Directory", "PATH": "…"}, '
            f"got {config!r}."
        )
    options = dict(config)
    backend = options.pop("BACKEND", None)
    if not backend:
        raise ImproperlyConfigured(f"Publishing target {name!r} has no BACKEND.")
    try:
        cls = import_string(backend)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"Publishing target {name!r}: cannot import {backend!r} ({error})."
        ) from error
    if not (isinstance(cls, type) and issubclass(cls, Target)):
        raise ImproperlyConfigured(
            f"Publishing target {name!r}: {backend!r} is not a publishing target "
            "(a subclass of masthead.mirrors.targets.Target)."
        )
    return cls(name=name, **{key.lower(): value for key, value in options.items()})


def get_target(name: str) -> Target:
    """The configured target ``name``; ImproperlyConfigured if it is broken."""
    return _load(name)


def configured_targets() -> list[Target]:
    """Every configured target, in configured order."""
    if not isinstance(settings.MIRROR_TARGETS, dict):
        raise ImproperlyConfigured(
            "MIRROR_TARGETS must be a JSON object of target names to their "
            'settings, such as {"copy": {"BACKEND": '
            '"masthead.mirrors.targets.Directory", "PATH": "/srv/copy"}}.'
        )
    return [get_target(name) for name in settings.MIRROR_TARGETS]


def reset() -> None:
    """Forget loaded targets (after settings change)."""
    _load.cache_clear()


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs) -> None:
    if setting in ("MIRROR_TARGETS", "MIRRORS_PUBLISH_DIR", "PAGE_CACHE_MAX_AGE"):
        reset()
