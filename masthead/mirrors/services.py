"""Writes to the mirror registry outside the admin (demo, tests, scripts)."""

from datetime import date

from masthead.mirrors.models import Kind, Mirror, Status


def mirror_add(
    *,
    url: str,
    kind: str = Kind.WEB,
    status: str = Status.ACTIVE,
    retire_on: date | None = None,
    label: str = "",
    note: str = "",
) -> Mirror:
    """Validate and register one mirror; raise ValidationError on bad input."""
    mirror = Mirror(
        url=url, kind=kind, status=status, retire_on=retire_on, label=label, note=note
    )
    mirror.full_clean()
    mirror.save()
    return mirror
