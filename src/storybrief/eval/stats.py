"""Means with seeded bootstrap intervals, and paired comparisons between systems.

The seed is a parameter (never a global), so two runs of the harness print the same
intervals and a test can pin them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storybrief.errors import ConfigError

DEFAULT_SEED = 20240601
DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True)
class MeanCI:
    """A mean with its bootstrap confidence interval (``low``..``high``) over ``n`` items."""

    mean: float
    low: float
    high: float
    n: int

    def to_dict(self) -> dict[str, float | int]:
        return {"mean": self.mean, "low": self.low, "high": self.high, "n": self.n}

    def format(self, scale: float = 1.0, digits: int = 2) -> str:
        if self.n == 0:
            return "n/a"
        m, lo, hi = (x * scale for x in (self.mean, self.low, self.high))
        return f"{m:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def _check(confidence: float, resamples: int) -> None:
    if not 0.0 < confidence < 1.0:
        raise ConfigError(f"confidence must be in (0, 1), got {confidence}")
    if resamples < 1:
        raise ConfigError(f"resamples must be a positive count, got {resamples}")


def bootstrap_mean(
    values: Sequence[float],
    *,
    confidence: float = 0.95,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> MeanCI:
    """Mean of ``values`` with a percentile bootstrap interval (seeded, so reproducible)."""
    _check(confidence, resamples)
    arr = np.asarray(values, dtype=float)
    if arr.size == 0:
        return MeanCI(float("nan"), float("nan"), float("nan"), 0)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, arr.size, size=(resamples, arr.size))
    means = arr[idx].mean(axis=1)
    alpha = (1.0 - confidence) / 2.0
    low, high = np.quantile(means, [alpha, 1.0 - alpha])
    return MeanCI(float(arr.mean()), float(low), float(high), int(arr.size))


@dataclass(frozen=True)
class PairedDiff:
    """``system`` minus ``baseline`` over the same items: mean difference with its interval.

    ``wins`` / ``losses`` count items where the system scored higher / lower.
    """

    system: str
    baseline: str
    diff: MeanCI
    wins: int
    losses: int

    @property
    def significant(self) -> bool:
        """True when the interval excludes zero."""
        return self.diff.n > 0 and (self.diff.low > 0 or self.diff.high < 0)

    def to_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "baseline": self.baseline,
            "diff": self.diff.to_dict(),
            "wins": self.wins,
            "losses": self.losses,
            "significant": self.significant,
        }


def paired_bootstrap(
    system: Sequence[float],
    baseline: Sequence[float],
    *,
    system_name: str = "system",
    baseline_name: str = "baseline",
    confidence: float = 0.95,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> PairedDiff:
    """Per-item differences ``system - baseline`` resampled together (a paired bootstrap)."""
    if len(system) != len(baseline):
        raise ConfigError(
            f"paired scores need the same items: got {len(system)} and {len(baseline)} scores"
        )
    a = np.asarray(system, dtype=float)
    b = np.asarray(baseline, dtype=float)
    diff = bootstrap_mean(a - b, confidence=confidence, resamples=resamples, seed=seed)
    return PairedDiff(
        system=system_name,
        baseline=baseline_name,
        diff=diff,
        wins=int((a > b).sum()),
        losses=int((a < b).sum()),
    )
