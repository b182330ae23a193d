"""Names for the attribution keys that donations carry (``appeal``).

Funding records which appeal a donation came through by key only, and knows
nothing of appeals. The app that owns the keys registers where their names
come from, in its ``AppConfig.ready()``; the reports show those names.
"""

from collections.abc import Callable

_sources: list[Callable[[], dict[str, str]]] = []


def register_names(source: Callable[[], dict[str, str]]) -> None:
    """Add a function returning {key: name}; registering one twice is harmless."""
    if source not in _sources:
        _sources.append(source)


def appeal_names() -> dict[str, str]:
    """Return the name of every attribution key the registered sources know."""
    names: dict[str, str] = {}
    for source in _sources:
        names.update(source())
    return names
