"""Live figures in appeal copy: ``{goal}``, ``{raised}`` and ``{percent}``.

Filled from this month's goal when the appeal is rendered, so the copy never
contradicts the meter after the goal or the money changes.
"""

import re

from django.utils.html import escape

from masthead.funding.selectors import goal_progress

NAMES = ("goal", "raised", "percent")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


def current() -> dict[str, str]:
    """Return the figures as readers see them now: "$10,000", "$4,870", "48%"."""
    progress = goal_progress()
    return {
        "goal": str(progress.goal),
        "raised": str(progress.covered),
        "percent": f"{progress.percent}%",
    }


def fill(text: str, figures: dict[str, str], *, html: bool = False) -> str:
    """Return ``text`` with each known placeholder replaced; others are kept."""
    if not text or "{" not in text:
        return text

    def replace(match: re.Match) -> str:
        value = figures.get(match.group(1))
        if value is None:
            return match.group(0)
        return escape(value) if html else value

    return _PLACEHOLDER.sub(replace, text)


def unknown(text: str) -> list[str]:
    """Return the placeholders in ``text`` that are not figures, as typed."""
    return [
        match.group(0)
        for match in _PLACEHOLDER.finditer(text or "")
        if match.group(1) not in NAMES
    ]
