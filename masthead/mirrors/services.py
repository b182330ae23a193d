"""Writes to the mirror registry outside the admin (demo, tests, the worker)."""

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


def mirrors_retire_due(*, today: date) -> list[Mirror]:
    """Mark retired every deprecated mirror whose retirement day has come.

    Readers stop being sent there on that day whatever its status says; the
    status follows so that the registry reads true, and each save does what
    any change to the registry does: every process forgets its snapshot, the
    page cache is emptied and a publish of the static copies is queued, so
    `mirrors.json` and the footers of the copies drop it too.
    """
    due = list(Mirror.objects.filter(status=Status.DEPRECATED, retire_on__lte=today))
    for mirror in due:
        mirror.status = Status.RETIRED
        mirror.save()
    return due
