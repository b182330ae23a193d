"""Conversion rates with honest uncertainty, from aggregate counts only.

The Wilson score interval stays inside [0, 1] and behaves with small
counts, where the textbook normal interval does not. Which variant leads is
decided by a two-proportion z-test against the runner-up.
"""

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    rate: float
    low: float
    high: float

    @property
    def rate_percent(self) -> str:
        return percent(self.rate)

    @property
    def low_percent(self) -> str:
        return percent(self.low)

    @property
    def high_percent(self) -> str:
        return percent(self.high)


def percent(value: float) -> str:
    return f"{value:.2%}"


def wilson(successes: int, trials: int, z: float = Z95) -> Interval:
    """The rate ``successes / trials`` and its 95% Wilson score interval."""
    if trials <= 0:
        return Interval(0.0, 0.0, 0.0)
    successes = min(max(successes, 0), trials)
    rate = successes / trials
    z2 = z * z
    centre = (rate + z2 / (2 * trials)) / (1 + z2 / trials)
    spread = (
        z * math.sqrt(rate * (1 - rate) / trials + z2 / (4 * trials * trials))
    ) / (1 + z2 / trials)
    # Clamped: rounding may leave the bounds a hair inside 0, 1 or the rate.
    low = min(rate, max(0.0, centre - spread))
    high = max(rate, min(1.0, centre + spread))
    return Interval(rate, low, high)


def two_proportion_p_value(
    successes_a: int, trials_a: int, successes_b: int, trials_b: int
) -> float:
    """Two-sided p-value that A and B convert at the same rate."""
    if trials_a <= 0 or trials_b <= 0:
        return 1.0
    pooled = (successes_a + successes_b) / (trials_a + trials_b)
    variance = pooled * (1 - pooled) * (1 / trials_a + 1 / trials_b)
    if variance <= 0:
        return 1.0
    z = (successes_a / trials_a - successes_b / trials_b) / math.sqrt(variance)
    return math.erfc(abs(z) / math.sqrt(2))


@dataclass(frozen=True)
class Leader:
    key: str | None  # None: nothing to compare yet
    runner_up: str | None = None
    p_value: float = 1.0

    @property
    def clear(self) -> bool:
        """Whether the lead would rarely arise by chance (p < 0.05)."""
        return (
            self.key is not None
            and self.runner_up is not None
            and (self.p_value < 0.05)
        )


def leader(counts: dict[str, tuple[int, int]]) -> Leader:
    """The variant converting best, from {key: (donations, impressions)}."""
    ranked = sorted(
        ((s / t, s, t, key) for key, (s, t) in counts.items() if t > 0),
        reverse=True,
    )
    if len(ranked) < 2 or ranked[0][1] == 0:
        return Leader(key=ranked[0][3] if ranked and ranked[0][1] else None)
    (_, s_a, t_a, first), (_, s_b, t_b, second) = ranked[0], ranked[1]
    return Leader(
        key=first,
        runner_up=second,
        p_value=two_proportion_p_value(s_a, t_a, s_b, t_b),
    )
